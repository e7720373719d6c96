import { describe, expect, it } from 'vitest';
import { untar } from './owncopy';

/** One ustar header block and its body, as Go's archive/tar writes a plain file. */
function entry(name: string, body: string, type = '0'): Uint8Array {
  const data = new TextEncoder().encode(body);
  const header = new Uint8Array(512);
  header.set(new TextEncoder().encode(name), 0);
  header.set(new TextEncoder().encode(data.length.toString(8).padStart(11, '0') + '\0'), 124);
  header[156] = type.charCodeAt(0);
  header.set(new TextEncoder().encode('ustar\x0000'), 257);
  const padded = new Uint8Array(Math.ceil(data.length / 512) * 512);
  padded.set(data);
  const out = new Uint8Array(512 + padded.length);
  out.set(header);
  out.set(padded, 512);
  return out;
}

const join = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0) + 1024);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

describe('the files of an own copy', () => {
  it('reads the regular files in order, takes a long name from a PAX record, and skips the rest', () => {
    const pax = entry('PaxHeaders/x', '27 path=record-long-name.json\n', 'x');
    const files = untar(join(entry('README.txt', 'read me'), entry('dir', '', '5'), pax, entry('ignored', '{"a":1}'), entry('record.pdf', '%PDF-1.7')));
    expect(files.map((f) => [f.name, new TextDecoder().decode(f.data)])).toEqual([
      ['README.txt', 'read me'],
      ['record-long-name.json', '{"a":1}'],
      ['record.pdf', '%PDF-1.7'],
    ]);
  });

  it('refuses a stream whose file runs past its end', () => {
    const cut = entry('record.json', 'x'.repeat(600)).subarray(0, 700);
    expect(() => untar(cut)).toThrow();
  });
});
