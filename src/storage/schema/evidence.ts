/** Tables of the evidence migration (20261201T020000). */

export interface EvidenceItemTable {
  id: string
  preservation_id: string
  case_id: string
  subject_id: string
  harm: string | null
  record_type: string
  kind: string
  label: string
  content_type: string
  size: number | null
  /** SHA-256 (hex) of the original bytes. */
  sha256: string | null
  /** Null when nothing was stored, or once erased. */
  blob_key: string | null
  unavailable_reason: string | null
  preserved_at: Date
  preserved_by: string
  reason: string
  retain_until: Date
  erased_at: Date | null
  erasure_reason: string | null
}

/** An item's data key, wrapped by a master key (AES-256-GCM); deleting the row crypto-shreds it. */
export interface EvidenceKeyTable {
  item_id: string
  master_key_id: string
  /** base64 */
  iv: string
  /** base64 */
  tag: string
  /** base64 */
  wrapped_key: string
}

export interface LegalHoldTable {
  id: string
  case_id: string | null
  subject_id: string | null
  reason: string
  requester: string
  placed_by: string
  placed_at: Date
  expires_at: Date | null
  released_at: Date | null
  released_by: string | null
  release_reason: string | null
}

export interface PreservationRequestTable {
  id: string
  authority: string
  authority_reference: string
  case_id: string
  subject_id: string
  received_at: Date
  preserve_by: Date
  status: string
  preserved_at: Date | null
  preservation_id: string
  hold_id: string
  notes: string | null
  recorded_by: string
  recorded_at: Date
}
