// The offline worksheet page's script (docs/offline-worksheet.md), built by scripts/build-offline.sh
// into backend/offline/assets/worksheet.js and inlined by Tandem into each page it writes. It reads
// the page's settings block, keeps the client's entries in this browser's storage for this page
// only, and "Send back" encrypts them to the practice's worksheet key (age, X25519) and saves the
// file. Nothing here reaches the network.
import { Encrypter } from 'age-encryption';

interface Settings {
  format: string;
  version: number;
  worksheet: string;
  recipient: string;
  practice: string;
  client: string;
  code: string;
  sessionDate: string;
  days: number;
}

interface Entry {
  id: string;
  noticedOn: string;
  area: string;
  intensity: number;
  justNoticing: boolean;
  words: string;
}

const AREAS: [string, string][] = [
  ['self', 'Self'],
  ['relationships', 'Relationships'],
  ['body', 'Body'],
  ['emotions', 'Emotions'],
  ['beliefs', 'Beliefs'],
  ['habits', 'Habits'],
  ['meaning', 'Meaning or spirituality'],
  ['nature', 'Nature and world'],
  ['other', 'Other'],
];
const MAX_WORDS = 20000;

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

function readSettings(): Settings {
  const s = JSON.parse($('tandem-worksheet').textContent ?? '') as Settings;
  if (s.format !== 'tandem-offline-worksheet' || s.version !== 1) throw new Error('not a worksheet page');
  return s;
}

/** The date days after iso (a calendar date), as a calendar date. */
function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function newId(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

function start(): void {
  const s = readSettings();
  const storeKey = `tandem-worksheet-${s.worksheet}`;
  const load = (): Entry[] => {
    try {
      const list = JSON.parse(localStorage.getItem(storeKey) ?? '[]');
      return Array.isArray(list) ? list : [];
    } catch {
      return [];
    }
  };
  let entries = load();
  const save = (): void => localStorage.setItem(storeKey, JSON.stringify(entries));

  $('practice').textContent = s.practice;
  $('lead').textContent = `For ${s.client}, after the session of ${longDate(s.sessionDate)}. Note what shifts, day by day: in your body, your relationships, your sense of yourself, whatever you notice.`;

  // Days from the session's day to today (or the page's last day), newest first.
  const daySelect = $<HTMLSelectElement>('day');
  const today = localToday();
  for (let n = s.days; n >= 0; n--) {
    const date = addDays(s.sessionDate, n);
    if (date > today) continue;
    daySelect.append(new Option(n === 0 ? `The day of the session · ${longDate(date)}` : `Day ${n} · ${longDate(date)}`, date));
  }
  const areaSelect = $<HTMLSelectElement>('area');
  for (const [value, label] of AREAS) areaSelect.append(new Option(label, value));
  const scale = $('intensity');
  for (let v = 1; v <= 5; v++) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = 'intensity';
    input.value = String(v);
    input.checked = v === 3;
    input.setAttribute('aria-label', `${v} of 5`);
    const span = document.createElement('span');
    span.textContent = String(v);
    label.append(input, span);
    scale.append(label);
  }

  const list = $('entries');
  function render(): void {
    list.replaceChildren();
    $('none').hidden = entries.length > 0;
    const sorted = [...entries].sort((a, b) => (a.noticedOn < b.noticedOn ? 1 : a.noticedOn > b.noticedOn ? -1 : 0));
    for (const e of sorted) {
      const li = document.createElement('li');
      li.dataset.entry = e.id;
      const meta = document.createElement('span');
      meta.className = 'meta';
      const area = AREAS.find(([v]) => v === e.area)?.[1] ?? e.area;
      meta.textContent = `${longDate(e.noticedOn)} · ${area} · strength ${e.intensity} of 5${e.justNoticing ? ' · just noticing' : ''}`;
      const words = document.createElement('span');
      words.className = 'words';
      words.dir = 'auto';
      words.textContent = e.words;
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'button secondary';
      remove.textContent = 'Remove';
      remove.setAttribute('aria-label', `Remove the entry of ${longDate(e.noticedOn)}`);
      remove.addEventListener('click', () => {
        if (!confirm('Remove this entry from this page? If you already sent it back, your therapist keeps their copy.')) return;
        entries = entries.filter((x) => x.id !== e.id);
        save();
        render();
      });
      li.append(meta, words, remove);
      list.append(li);
    }
  }

  const form = $<HTMLFormElement>('entry');
  const wordsInput = $<HTMLTextAreaElement>('words');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const words = wordsInput.value.trim();
    const error = $('words-error');
    if (words === '' || words.length > MAX_WORDS) {
      error.textContent = words === '' ? 'Write a few words about what you noticed.' : 'This is longer than a page can keep; split it in two.';
      wordsInput.setAttribute('aria-invalid', 'true');
      wordsInput.focus();
      return;
    }
    error.textContent = '';
    wordsInput.removeAttribute('aria-invalid');
    const intensity = Number(form.querySelector<HTMLInputElement>('input[name="intensity"]:checked')?.value ?? '3');
    const entry: Entry = {
      id: newId(),
      noticedOn: daySelect.value,
      area: areaSelect.value,
      intensity,
      justNoticing: $<HTMLInputElement>('noticing').checked,
      words,
    };
    entries.push(entry);
    save();
    render();
    wordsInput.value = '';
    $<HTMLInputElement>('noticing').checked = false;
    $('added').textContent = `Noted for ${longDate(entry.noticedOn)}. It is kept in this browser.`;
    wordsInput.focus();
  });

  const sendButton = $<HTMLButtonElement>('send');
  sendButton.addEventListener('click', async () => {
    const status = $('sent');
    if (entries.length === 0) {
      status.textContent = 'There is nothing to send yet: note a shift first.';
      return;
    }
    sendButton.disabled = true;
    status.textContent = 'Locking your entries…';
    try {
      const content = JSON.stringify({ format: 'tandem-worksheet-return', version: 1, worksheet: s.worksheet, writtenAt: new Date().toISOString(), entries });
      const e = new Encrypter();
      e.addRecipient(s.recipient);
      const file = await e.encrypt(content);
      const name = `worksheet-${s.code}-${localToday()}.age`;
      const url = URL.createObjectURL(new Blob([new Uint8Array(file)], { type: 'application/octet-stream' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      status.textContent = `Saved as “${name}” (${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}). E-mail this file to your therapist or bring it; only their Tandem can open it.`;
    } catch {
      status.textContent = 'The file could not be made in this browser. Try a current version of Firefox, Chrome, Edge or Safari.';
    } finally {
      sendButton.disabled = false;
    }
  });

  render();
}

try {
  start();
} catch {
  document.body.textContent = 'This worksheet page is damaged. Ask your therapist for a new one.';
}
