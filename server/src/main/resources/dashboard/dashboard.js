// Regie's overview: the cases per fase and gemeente, their deadlines, the latest alerts and
// changes, live from the streams. Every case carries its version, so the list loaded at the start
// and the stream opened before it merge without gaps or double counting; the browser's EventSource
// resumes after its last offset when the connection drops. The case stream keeps a window: resumed
// from before what it pruned, it sends a reset, and the page reloads the case list and resumes the
// stream after the reset's offset (the list has every change up to it, the stream every one after).
'use strict';

const FASEN = ['MELDING', 'SCREENING', 'ONDERZOEK', 'TOEWIJZING', 'ZORG', 'STOP', 'INGETROKKEN', 'AFGEWEZEN'];
const LATEST = 20;
/** What a case event means to a backoffice; an event not named here is shown by its own name. */
const GEBEURTENISSEN = {
  MeldingOntvangen: 'melding ontvangen', ScreeningGestart: 'screening gestart', ScreeningAfgerond: 'screening afgerond',
  Overgedragen: 'overgedragen', OnderzoekAfgerond: 'onderzoek afgerond', AanvraagOntvangen: 'aanvraag ontvangen',
  Toegewezen: 'toegewezen', ToewijzingBevestigd: 'toewijzing bevestigd', ZorgGestart: 'zorg gestart', ZorgGestopt: 'zorg gestopt',
  Ingetrokken: 'ingetrokken', Afgewezen: 'afgewezen', DeadlineSet: 'termijn loopt', DeadlineMet: 'termijn gehaald',
  DeadlineAlerted: 'termijnsignaal', DeadlineVervallen: 'termijn vervallen', BerichtVerstuurd: 'bericht verstuurd',
  VerzoekOntvangen: 'verzoek ontvangen', VerzoekBeantwoord: 'verzoek beantwoord', DeclaratieOntvangen: 'declaratie ontvangen',
};

const cases = new Map();     // caseId -> {gemeente, fase, open, missed, version}
const alerts = [];           // newest first, at most LATEST
const changes = [];          // newest first, at most LATEST
let alertCount = 0;
let token = null;

const $ = id => document.getElementById(id);

function start() {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem('regie-token', fromHash);
    history.replaceState(null, '', location.pathname);
  }
  token = sessionStorage.getItem('regie-token');
  $('login-form').addEventListener('submit', e => {
    e.preventDefault();
    sessionStorage.setItem('regie-token', $('token').value.trim());
    location.reload();
  });
  $('gemeente').addEventListener('change', render);
  $('search').addEventListener('submit', e => { e.preventDefault(); find($('case-id').value.trim()); });
  if (!token) return showLogin();
  load().catch(error => showLogin(error.message));
}

function showLogin(message) {
  $('board').hidden = true;
  $('login').hidden = false;
  if (message) { $('login-error').hidden = false; $('login-error').textContent = message; }
  connection('down', 'niet aangemeld');
}

async function api(path) {
  const response = await fetch(path, { headers: { Authorization: 'Bearer ' + token, Accept: 'application/json' } });
  if (response.status === 401) throw new Error('Het token is niet (meer) geldig.');
  if (!response.ok && response.status !== 404) throw new Error(path + ': ' + response.status);
  return response.status === 404 ? null : response.json();
}

async function load() {
  // The streams first, then what came before them: a change both have is applied once, by version.
  await open('/api/v1/stream/cases', null, change, loadCases);
  await loadCases();
  let lastAlert = 0;
  let page;
  do {
    page = await api('/api/v1/alerts?limit=1000&after=' + lastAlert);
    page.items.forEach(a => { remember(alerts, a); alertCount++; });
    if (page.items.length) lastAlert = page.items[page.items.length - 1].id;
  } while (page.next);
  await open('/api/v1/stream/alerts', lastAlert, alert => { remember(alerts, alert); alertCount++; });
  $('login').hidden = true;
  $('board').hidden = false;
  render();
}

/** The whole case list, a page at a time; a case the page already has at that version or later stays as it is. */
async function loadCases() {
  let after = null;
  do {
    const page = await api('/api/v1/cases?limit=1000' + (after ? '&after=' + encodeURIComponent(after) : ''));
    page.items.forEach(c => put(c.caseId, c.gemeente, c.fase, c.openDeadlines, c.missedDeadlines, c.version));
    after = page.next;
  } while (after);
}

/**
 * An EventSource on {@code path} from offset {@code from} (null: from now). It reconnects by itself
 * after its last offset; after an overflow it reconnects from the offset the overflow names. After
 * a reset (what came after its offset was pruned) it reconnects from the offset the reset names
 * and then calls {@code reload}, which fetches what the stream can no longer give: the list has
 * every change up to that offset, the resumed stream every one after it, and a change both have is
 * applied once.
 */
function open(path, from, onMessage, reload) {
  return new Promise(resolve => {
    const connect = after => {
      const query = new URLSearchParams({ access_token: token });
      if (after != null) query.set('from', after);
      const source = new EventSource(path + '?' + query);
      source.onopen = () => { connection('live', 'live'); resolve(); };
      source.onmessage = e => { onMessage(JSON.parse(e.data)); scheduleRender(); };
      source.addEventListener('overflow', e => {
        source.close();
        connect(JSON.parse(e.data).offset);
      });
      source.addEventListener('reset', e => {
        source.close();
        connect(JSON.parse(e.data).offset);
        if (reload) reload().then(scheduleRender, error => connection('down', error.message));
      });
      source.onerror = () => connection(source.readyState === EventSource.CLOSED ? 'down' : 'connecting',
        source.readyState === EventSource.CLOSED ? 'verbinding verbroken' : 'opnieuw verbinden…');
    };
    connect(from);
  });
}

function change(c) {
  put(c.caseId, c.gemeente, c.fase, c.deadlines.open, c.deadlines.missed, c.version);
  remember(changes, c);
}

function put(caseId, gemeente, fase, open, missed, version) {
  const known = cases.get(caseId);
  if (known && known.version >= version) return;
  cases.set(caseId, { gemeente, fase, open, missed, version });
  if (![...$('gemeente').options].some(o => o.value === gemeente)) {
    const option = new Option(gemeente, gemeente);
    $('gemeente').add(option);
    [...$('gemeente').options].slice(1).sort((a, b) => a.value.localeCompare(b.value)).forEach(o => $('gemeente').add(o));
  }
}

function remember(list, item) {
  list.unshift(item);
  if (list.length > LATEST) list.length = LATEST;
}

let pending = false;
function scheduleRender() {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => { pending = false; render(); });
}

function render() {
  const only = $('gemeente').value;
  const shown = [...cases.values()].filter(c => !only || c.gemeente === only);
  const gemeenten = [...new Set(shown.map(c => c.gemeente))].sort();
  $('total').textContent = shown.length.toLocaleString('nl-NL');
  $('open').textContent = shown.reduce((n, c) => n + c.open, 0).toLocaleString('nl-NL');
  $('missed').textContent = shown.reduce((n, c) => n + c.missed, 0).toLocaleString('nl-NL');
  $('alert-count').textContent = alertCount.toLocaleString('nl-NL');

  const table = $('matrix');
  table.replaceChildren();
  const head = table.createTHead().insertRow();
  ['Gemeente', ...FASEN.map(f => f.toLowerCase()), 'totaal'].forEach(label => {
    const th = document.createElement('th');
    th.textContent = label;
    head.appendChild(th);
  });
  const body = table.createTBody();
  const row = (label, subset, cls) => {
    const tr = body.insertRow();
    if (cls) tr.className = cls;
    tr.insertCell().textContent = label;
    FASEN.forEach(f => {
      const n = subset.filter(c => c.fase === f).length;
      const td = tr.insertCell();
      td.textContent = n.toLocaleString('nl-NL');
      td.dataset.fase = f;
      if (n === 0) td.className = 'zero';
    });
    tr.insertCell().textContent = subset.length.toLocaleString('nl-NL');
    tr.dataset.gemeente = label;
  };
  gemeenten.forEach(g => row(g, shown.filter(c => c.gemeente === g)));
  if (gemeenten.length > 1) row('totaal', shown, 'total');

  fill('alerts', 'no-alerts', alerts.filter(a => !only || a.gemeente === only), a => [
    time(a.at), [badge(a.level), text(a.code + ' · ' + a.omschrijving), line(a.caseId, 'case'), line('uiterlijk ' + a.due + ' · ' + a.responsible)]]);
  fill('changes', 'no-changes', changes.filter(c => !only || c.gemeente === only), c => [
    time(c.at), [text((GEBEURTENISSEN[c.type] || c.type) + ' → ' + c.fase.toLowerCase() + (c.aanZet ? ' · aan zet: ' + c.aanZet.toLowerCase() : '')), line(c.caseId, 'case')]]);
}

function fill(listId, emptyId, items, parts) {
  const list = $(listId);
  list.replaceChildren(...items.map(item => {
    const [when, what] = parts(item);
    const li = document.createElement('li');
    li.dataset.caseId = item.caseId;
    const div = document.createElement('div');
    div.append(...what);
    li.append(when, div);
    return li;
  }));
  $(emptyId).hidden = items.length > 0;
}

function time(at) {
  const span = document.createElement('span');
  span.className = 'when';
  span.textContent = new Date(at).toLocaleString('nl-NL', { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' });
  span.title = new Date(at).toLocaleString('nl-NL');
  return span;
}

function badge(level) {
  const span = document.createElement('span');
  span.className = 'badge ' + level;
  span.textContent = { WARNING: 'waarschuwing', MISSED: 'gemist', ESCALATED: 'geëscaleerd' }[level] || level;
  return span;
}

function text(value) {
  const span = document.createElement('span');
  span.textContent = value;
  return span;
}

function line(value, cls) {
  const div = document.createElement('div');
  if (cls) div.className = cls;
  div.textContent = value;
  return div;
}

async function find(caseId) {
  const panel = $('found');
  panel.hidden = false;
  if (!caseId) { panel.hidden = true; return; }
  const view = await api('/api/v1/cases/' + encodeURIComponent(caseId)).catch(() => null);
  if (!view) { panel.replaceChildren(text('Geen zaak ' + caseId + ' (of niet zichtbaar voor u).')); return; }
  const dl = document.createElement('dl');
  dl.className = 'case';
  const add = (term, value) => { const dt = document.createElement('dt'); dt.textContent = term; const dd = document.createElement('dd'); dd.textContent = value; dl.append(dt, dd); };
  add('Zaak', view.caseId);
  add('Gemeente', view.gemeente);
  add('Fase', view.fase.toLowerCase());
  add('Aan zet', view.aanZet ? view.aanZet.toLowerCase() : '—');
  (view.deadlines || []).filter(d => d.status === 'OPEN' || d.status === 'MISSED' || d.status === 'ESCALATED')
    .forEach(d => add(d.code + ' (' + d.status.toLowerCase() + ')', d.omschrijving + ', uiterlijk ' + d.due));
  const title = document.createElement('h2');
  title.textContent = 'Gevonden';
  panel.replaceChildren(title, dl);
}

function connection(state, label) {
  $('connection').dataset.state = state;
  $('connection').textContent = label;
}

start();
