import { type ApiClient, buildUrl } from '../../api/client'
import type { Answer } from '../../api/views'

export type BankView = Answer<'/v1/banks'>['banks'][number]
export type EntryPage = Answer<'/v1/banks/{id}/entries'>
export type BankEntryView = EntryPage['entries'][number]
type EntriesAdded = Answer<'/v1/banks/{id}/entries', 'post'>
type PlainBankView = Answer<'/v1/banks/{id}', 'patch'>

export const ENTRY_PAGE_SIZE = 50

export async function loadBanks(api: ApiClient): Promise<BankView[]> {
  return (await api.get('/v1/banks')).banks
}

export async function loadBank(api: ApiClient, id: string): Promise<BankView> {
  const bank = (await loadBanks(api)).find((b) => b.id === id)
  if (!bank) throw new Error('There is no bank with this id. Go back to the list of banks.')
  return bank
}

export function loadEntries(api: ApiClient, id: string, after?: string): Promise<EntryPage> {
  return api.get('/v1/banks/{id}/entries', {
    params: { id },
    query: { limit: ENTRY_PAGE_SIZE, ...(after ? { after } : {}) },
  })
}

export function addEntry(
  api: ApiClient,
  id: string,
  entry: { value: string; note?: string },
): Promise<EntriesAdded> {
  return api.post('/v1/banks/{id}/entries', { params: { id }, body: { entries: [entry] } })
}

export function setBankEnabled(
  api: ApiClient,
  id: string,
  enabled: boolean,
): Promise<PlainBankView> {
  return api.send<PlainBankView>('PATCH', buildUrl('/v1/banks/{id}', { id }), { enabled })
}

export type EntryChange = 'disable' | 'enable'

export function changeEntry(
  api: ApiClient,
  id: string,
  entryId: string,
  to: EntryChange,
): Promise<BankEntryView> {
  const path =
    to === 'disable'
      ? ('/v1/banks/{id}/entries/{entryId}/disable' as const)
      : ('/v1/banks/{id}/entries/{entryId}/enable' as const)
  return api.post(path, { params: { id, entryId } })
}

export function retractEntry(
  api: ApiClient,
  id: string,
  entryId: string,
  reason: string,
): Promise<BankEntryView> {
  return api.post('/v1/banks/{id}/entries/{entryId}/retract', {
    params: { id, entryId },
    body: { reason },
  })
}

export function exportHref(id: string, format: 'jsonl' | 'hma-csv'): string {
  return buildUrl('/v1/banks/{id}/export', { id }, { format })
}

export function entryState(entry: BankEntryView): 'active' | 'disabled' | 'retracted' | 'expired' {
  if (entry.retractedAt) return 'retracted'
  if (entry.disabledAt) return 'disabled'
  if (entry.expiresAt && new Date(entry.expiresAt).getTime() <= Date.now()) return 'expired'
  return 'active'
}

export type BankFileFormat = 'jsonl' | 'hma-csv'

export function formatOfName(name: string): BankFileFormat {
  return name.toLowerCase().endsWith('.csv') ? 'hma-csv' : 'jsonl'
}
