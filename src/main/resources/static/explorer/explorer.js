// The table explorer: logs in (or takes a token from the URL fragment, which never reaches the server), then pages
// through GET /api/admin/explorer and renders the items grouped by partition key. The token lives in memory only.
(function () {
  'use strict';

  const statusLine = document.getElementById('status');
  const loginForm = document.getElementById('login');
  const table = document.getElementById('items');
  const moreButton = document.getElementById('more');
  const legend = document.getElementById('legend');

  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const state = {
    token: fragment.get('token'),
    loadAll: fragment.has('all'), // follow every nextCursor instead of waiting for "Load more"
    columns: null,
    cursor: null,
    lastBody: null, // the tbody of the last partition shown: the next page may continue it
    items: 0,
    partitions: 0,
    types: new Map()
  };
  if (state.token) {
    history.replaceState(null, '', window.location.pathname); // keep the token out of the address bar
  }

  function setStatus(text, kind) {
    statusLine.textContent = text;
    statusLine.dataset.state = kind;
  }

  // One stable colour per entity type, so that item types stand out across partitions.
  function hue(type) {
    let h = 0;
    for (const c of type) { h = (h * 31 + c.codePointAt(0)) % 360; }
    return h;
  }

  function typeBadge(type) {
    const badge = document.createElement('span');
    badge.textContent = type;
    badge.style.background = 'hsl(' + hue(type) + ', 70%, 86%)';
    return badge;
  }

  function renderColumns(columns) {
    const row = document.getElementById('columns');
    row.replaceChildren();
    for (const column of columns) {
      const th = document.createElement('th');
      th.textContent = column;
      row.appendChild(th);
    }
  }

  function renderPartition(partition) {
    let body = state.lastBody;
    if (!body || body.dataset.pk !== partition.pk) {
      body = document.createElement('tbody');
      body.className = 'partition';
      body.dataset.pk = partition.pk;
      table.appendChild(body);
      state.lastBody = body;
      state.partitions++;
    }
    for (const item of partition.items) {
      const tr = document.createElement('tr');
      tr.className = 'item';
      state.columns.forEach(function (column, index) {
        const td = document.createElement('td');
        const value = item[column];
        if (index === 0) {
          td.className = 'pk';
          if (body.rows.length > 0) { return; } // the partition key cell spans the partition's rows
        }
        if (column === 'entityType' && value) {
          td.className = 'type';
          td.appendChild(typeBadge(value));
          state.types.set(value, (state.types.get(value) || 0) + 1);
        } else if (value === undefined) {
          td.className = 'empty';
          td.textContent = '·';
        } else {
          td.textContent = value;
        }
        tr.appendChild(td);
      });
      body.appendChild(tr);
      state.items++;
    }
    body.rows[0].cells[0].rowSpan = body.rows.length;
  }

  function renderLegend() {
    legend.replaceChildren();
    for (const [type, count] of [...state.types.entries()].sort()) {
      const entry = document.createElement('li');
      entry.textContent = type + ' × ' + count;
      entry.style.background = 'hsl(' + hue(type) + ', 70%, 86%)';
      legend.appendChild(entry);
    }
  }

  async function loadPage() {
    setStatus('Loading…', 'loading');
    const query = new URLSearchParams({ limit: '100' });
    if (state.cursor) { query.set('cursor', state.cursor); }
    const response = await fetch('/api/admin/explorer?' + query, {
      headers: { 'Authorization': 'Bearer ' + state.token, 'Accept': 'application/json' }
    });
    if (!response.ok) {
      const problem = await response.json().catch(function () { return {}; });
      if (response.status === 401 || response.status === 403) {
        state.token = null;
        loginForm.hidden = false;
      }
      setStatus('Error ' + response.status + ': ' + (problem.detail || problem.title || response.statusText), 'error');
      return false;
    }
    const page = await response.json();
    if (!state.columns) {
      state.columns = page.columns;
      renderColumns(page.columns);
      document.getElementById('caption').textContent = 'Table ' + page.table;
      table.hidden = false;
    }
    page.partitions.forEach(renderPartition);
    renderLegend();
    state.cursor = page.nextCursor;
    moreButton.hidden = !state.cursor;
    setStatus(state.items + ' items in ' + state.partitions + ' partitions'
      + (state.cursor ? ' so far' : ''), state.cursor ? 'more' : 'loaded');
    return true;
  }

  async function load() {
    loginForm.hidden = true;
    try {
      while (await loadPage() && state.loadAll && state.cursor) { /* next page */ }
    } catch (error) {
      setStatus('Could not reach the service: ' + error.message, 'error');
    }
  }

  loginForm.addEventListener('submit', async function (event) {
    event.preventDefault();
    const form = new FormData(loginForm);
    const response = await fetch('/api/sessions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify({ username: form.get('username'), password: form.get('password') })
    });
    if (!response.ok) {
      setStatus('Log-in failed (' + response.status + ')', 'error');
      return;
    }
    state.token = (await response.json()).token;
    loginForm.reset();
    load();
  });

  moreButton.addEventListener('click', load);

  if (state.token) {
    load();
  } else {
    loginForm.hidden = false;
    setStatus('Log in as an admin to look into the table.', 'idle');
  }
}());
