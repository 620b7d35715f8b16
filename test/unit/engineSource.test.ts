// Which server responses the browser may compile the engine from as they stream.
import { describe, expect, it } from 'vitest'
import { isEngineWorkerReply, streamable } from '../../src/db/engineSource.ts'

const response = (status: number, headers: Record<string, string>) => new Response(null, { status, headers })

describe('streamable', () => {
  it('takes a response labelled application/wasm, compressed by the server or not', () => {
    expect(streamable(response(200, { 'content-type': 'application/wasm' }))).toBe(true)
    expect(streamable(response(200, { 'content-type': 'Application/WASM; charset=binary' }))).toBe(true)
    expect(streamable(response(200, { 'content-type': 'application/wasm', 'content-encoding': 'gzip' }))).toBe(true)
  })

  it('leaves any other label, a missing one, and a failed request to the fallback', () => {
    expect(streamable(response(200, { 'content-type': 'application/octet-stream' }))).toBe(false)
    // The site's index.html, which some servers send for every unknown path.
    expect(streamable(response(200, { 'content-type': 'text/html; charset=utf-8' }))).toBe(false)
    expect(streamable(response(200, {}))).toBe(false)
    expect(streamable(response(404, { 'content-type': 'application/wasm' }))).toBe(false)
    expect(streamable(response(405, { 'content-type': 'application/wasm' }))).toBe(false)
  })
})

describe('isEngineWorkerReply', () => {
  it("tells the engine worker's own messages from DuckDB's", () => {
    expect(isEngineWorkerReply({ engine: 'streaming' })).toBe(true)
    expect(isEngineWorkerReply({ engine: 'downloaded', at: 1 })).toBe(true)
    expect(isEngineWorkerReply({ messageId: 0, requestId: 1, type: 'OK', data: null })).toBe(false)
    expect(isEngineWorkerReply(null)).toBe(false)
  })
})
