import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { ApiContext } from './api/api-context'
import { createApiClient } from './api/client'
import { App } from './app'
import './styles.css'

const expiredListeners = new Set<() => void>()
const api = createApiClient({
  onUnauthenticated: () => {
    for (const listener of expiredListeners) listener()
  },
})

function onSessionExpired(listener: () => void): () => void {
  expiredListeners.add(listener)
  return () => expiredListeners.delete(listener)
}

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <ApiContext.Provider value={api}>
      <App sessionExpired={onSessionExpired} />
    </ApiContext.Provider>
  </StrictMode>,
)
