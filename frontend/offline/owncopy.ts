// The page that opens a client's own copy (docs/offline-worksheet.md, "The client's own copy"),
// built by scripts/build-offline.sh into backend/offline/assets/owncopy.js and inlined by Tandem into
// the page it saves beside a copy. The client chooses the copy's file and types their passphrase; the
// page decrypts it here (age, scrypt), reads the files inside and offers each to save. Nothing leaves
// the browser and nothing is kept.
import { Decrypter } from 'age-encryption';

interface Entry {
  name: string;
  data: Uint8Array;
}

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/** The regular files of a tar stream (ustar, with PAX or GNU long-name records skipped or applied). */
export function untar(tar: Uint8Array): Entry[] {
  const out: Entry[] = [];
  const text = (from: number, len: number): string => {
    const bytes = tar.subarray(from, from + len);
    const end = bytes.indexOf(0);
    return new TextDecoder().decode(end < 0 ? bytes : bytes.subarray(0, end));
  };
  let pos = 0;
  let longName = '';
  while (pos + 512 <= tar.length) {
    if (tar.subarray(pos, pos + 512).every((b) => b === 0)) break;
    const size = parseInt(text(pos + 124, 12).trim() || '0', 8);
    if (!Number.isFinite(size) || size < 0 || pos + 512 + size > tar.length) throw new Error('damaged');
    const type = String.fromCharCode(tar[pos + 156] || 48);
    const prefix = text(pos + 345, 155);
    let name = longName || (prefix ? `${prefix}/${text(pos, 100)}` : text(pos, 100));
    const body = tar.subarray(pos + 512, pos + 512 + size);
    longName = '';
    if (type === 'x') {
      const path = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(new TextDecoder().decode(body));
      if (path) longName = path[1];
    } else if (type === '0' || type === '\0') {
      name = name.split('/').pop() ?? name;
      out.push({ name, data: body.slice() });
    }
    pos += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

function offer(entry: Entry): HTMLElement {
  const li = document.createElement('li');
  const a = document.createElement('a');
  const type = entry.name.endsWith('.pdf') ? 'application/pdf' : entry.name.endsWith('.json') ? 'application/json' : 'text/plain';
  a.href = URL.createObjectURL(new Blob([new Uint8Array(entry.data)], { type }));
  a.download = entry.name;
  a.className = 'button';
  a.textContent = entry.name.endsWith('.pdf')
    ? 'Save your record to read and print (PDF)'
    : entry.name.endsWith('.json')
      ? 'Save the same records as open data (JSON)'
      : `Save ${entry.name}`;
  li.append(a);
  return li;
}

function start(): void {
  const form = $<HTMLFormElement>('open');
  const status = $('status');
  const button = $<HTMLButtonElement>('submit');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = $<HTMLInputElement>('file').files?.[0];
    const passphrase = $<HTMLInputElement>('passphrase').value;
    $('files').replaceChildren();
    $('readme').textContent = '';
    if (!file || passphrase === '') {
      status.textContent = 'Choose your copy’s file and type its passphrase.';
      return;
    }
    button.disabled = true;
    status.textContent = 'Opening your copy… this takes a few seconds.';
    try {
      const d = new Decrypter();
      d.addPassphrase(passphrase);
      const tar = await d.decrypt(new Uint8Array(await file.arrayBuffer()));
      const entries = untar(tar);
      const readme = entries.find((e) => e.name === 'README.txt');
      if (readme) $('readme').textContent = new TextDecoder().decode(readme.data);
      for (const e of entries) if (e.name !== 'README.txt') $('files').append(offer(e));
      status.textContent = 'Your copy is open. Save the files below; nothing leaves this device.';
    } catch {
      status.textContent = 'This passphrase does not open this file, or the file is not a whole copy. Check the passphrase, and that you chose the right file.';
    } finally {
      button.disabled = false;
    }
  });
}

if (typeof document !== 'undefined') start();
