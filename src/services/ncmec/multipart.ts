import { randomBytes } from 'node:crypto'

export interface MultipartBody {
  contentType: string
  body: Buffer
}

/**
 * A multipart/form-data body (RFC 7578) of text fields and one file. Names and the file name
 * are escaped as the HTML standard's form encoding does: `"` as %22, CR as %0D, LF as %0A; the
 * file name is sent as UTF-8.
 */
export function multipartBody(
  fields: Record<string, string>,
  file: { field: string; fileName: string; bytes: Uint8Array },
): MultipartBody {
  const boundary = freshBoundary(file.bytes)
  const parts: Buffer[] = []
  for (const [name, value] of Object.entries(fields)) {
    parts.push(head(boundary, `name="${escapeName(name)}"`), Buffer.from(`${value}\r\n`, 'utf8'))
  }
  const disposition = `name="${escapeName(file.field)}"; filename="${escapeName(file.fileName)}"`
  parts.push(
    head(boundary, disposition, 'application/octet-stream'),
    Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength),
    Buffer.from(`\r\n--${boundary}--\r\n`, 'ascii'),
  )
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(parts) }
}

function head(boundary: string, disposition: string, contentType?: string): Buffer {
  const type = contentType ? `\r\nContent-Type: ${contentType}` : ''
  return Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; ${disposition}${type}\r\n\r\n`,
    'utf8',
  )
}

function escapeName(value: string): string {
  return value.replaceAll('"', '%22').replaceAll('\r', '%0D').replaceAll('\n', '%0A')
}

/** A random boundary that does not occur in the file. */
function freshBoundary(bytes: Uint8Array): string {
  const content = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  for (;;) {
    const boundary = `VigilNcmec${randomBytes(16).toString('hex')}`
    if (!content.includes(boundary)) return boundary
  }
}
