import Fastify from 'fastify'

// @NOTE The baseline: a bare Fastify 5 POST JSON endpoint, no logger, no schema, no database.
// Started as its own process by bench/http.ts so it gets the same treatment as `vigil serve`.

const app = Fastify({ logger: false })
app.post('/hello', async (request) => {
  const body = request.body as { id?: string }
  return { hello: 'world', id: body.id ?? null }
})
const address = await app.listen({ host: '127.0.0.1', port: 0 })
console.log(JSON.stringify({ msg: 'hello is running', address }))

const stop = () => {
  void app.close().then(() => process.exit(0))
}
process.once('SIGTERM', stop)
process.once('SIGINT', stop)
