/** Reads a password piped on standard input (`--password-stdin`), without its final newline. */
export async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of process.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk))
    size += buffer.length
    if (size > 64 * 1024)
      throw new Error('--password-stdin: the input is far too long for a password')
    chunks.push(buffer)
  }
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '')
}

/** Asks for a new password twice on the terminal, without echoing it. */
export async function promptNewPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    throw new Error(
      'no terminal to ask for the password: pipe it in with --password-stdin (never as a flag)',
    )
  }
  const first = await promptHidden('password: ')
  const second = await promptHidden('password again: ')
  if (first !== second) throw new Error('the two passwords differ; nothing was created')
  return first
}

function promptHidden(question: string): Promise<string> {
  const input = process.stdin
  process.stderr.write(question)
  input.setRawMode(true)
  input.setEncoding('utf8')
  input.resume()
  return new Promise((resolve, reject) => {
    let text = ''
    const finish = (error?: Error) => {
      input.off('data', onData)
      input.setRawMode(false)
      input.pause()
      process.stderr.write('\n')
      if (error) reject(error)
      else resolve(text)
    }
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish()
        if (char === '\u0003' || char === '\u0004') return finish(new Error('cancelled'))
        if (char === '\u007f' || char === '\b') text = [...text].slice(0, -1).join('')
        else text += char
      }
    }
    input.on('data', onData)
  })
}
