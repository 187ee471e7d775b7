/* global document, window, fetch, EventSource, setTimeout, clearTimeout */
// The preview page: draws the conversation the server streams (server-sent events) and sends back what the
// person types and clicks. Message, App Home and modal HTML comes from the server's Block Kit renderer, which
// escapes every text; everything this script writes itself goes in with textContent, never as markup.
'use strict';

(() => {
  const $ = (id) => document.getElementById(id);
  const EXAMPLES = ['medical coder', 'path medical coder', 'compare registered nurse vs medical coder', 'help'];

  const state = {
    me: null,
    app: null,
    command: '/airisk',
    conversations: [],
    messages: new Map(),
    home: null,
    modals: [],
    knowledge: null,
    current: null,
    tab: 'messages',
    unread: new Map(),
    homeRequested: false,
  };

  // ---- talking to the server -------------------------------------------------------------------------

  async function post(path, data) {
    let res;
    try {
      res = await fetch(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(data || {}),
      });
    } catch {
      toast('The preview server is not answering. Is `npm start` still running?');
      return false;
    }
    if (!res.ok) {
      toast((await res.text()) || `The preview answered ${res.status}.`);
      return false;
    }
    return true;
  }

  function connect() {
    const events = new EventSource('/preview/events');
    events.addEventListener('snapshot', (e) => {
      const s = JSON.parse(e.data);
      state.me = s.me;
      state.app = s.app;
      state.command = s.command;
      state.conversations = s.conversations;
      state.messages = new Map(s.messages.map((m) => [m.key, m]));
      state.home = s.home;
      state.modals = s.modals;
      state.knowledge = s.knowledge;
      if (!state.current || !state.conversations.some((c) => c.id === state.current))
        state.current = state.conversations[0].id;
      renderAll();
    });
    events.addEventListener('update', (e) => apply(JSON.parse(e.data)));
    events.addEventListener('knowledge', (e) => {
      state.knowledge = JSON.parse(e.data);
      renderKnowledge();
    });
  }

  function apply(update) {
    switch (update.type) {
      case 'message': {
        const m = update.message;
        const isNew = !state.messages.has(m.key);
        state.messages.set(m.key, m);
        if (m.channel === state.current) upsertMessage(m, isNew);
        else if (isNew) {
          state.unread.set(m.channel, (state.unread.get(m.channel) || 0) + 1);
          renderSidebar();
        }
        break;
      }
      case 'message-deleted': {
        const key = `${update.channel}/${update.ts}`;
        state.messages.delete(key);
        const row = document.querySelector(`.msg[data-key="${cssEscape(key)}"]`);
        if (row) row.remove();
        break;
      }
      case 'home':
        state.home = update.html;
        renderHome();
        break;
      case 'modals':
        state.modals = update.modals;
        renderModal();
        break;
    }
  }

  // ---- drawing ---------------------------------------------------------------------------------------

  function renderAll() {
    renderSidebar();
    renderConversation();
    renderKnowledge();
    renderModal();
  }

  function conversation(id) {
    return state.conversations.find((c) => c.id === id);
  }

  function renderSidebar() {
    const fill = (list, items) => {
      list.replaceChildren(
        ...items.map((c) => {
          const li = document.createElement('li');
          const button = document.createElement('button');
          button.type = 'button';
          button.className =
            'sidebar-item' + (c.id === state.current ? ' active' : '') + (state.unread.get(c.id) ? ' unread' : '');
          button.dataset.conversation = c.id;
          const icon = document.createElement('span');
          icon.className = c.kind === 'im' ? 'app-icon tiny' : 'hash';
          icon.textContent = c.kind === 'im' ? 'ai' : '#';
          icon.setAttribute('aria-hidden', 'true');
          const name = document.createElement('span');
          name.className = 'sidebar-name';
          name.textContent = c.name;
          button.append(icon, name);
          const count = state.unread.get(c.id);
          if (count) {
            const badge = document.createElement('span');
            badge.className = 'sidebar-badge';
            badge.textContent = String(count);
            button.append(badge);
          }
          li.append(button);
          return li;
        }),
      );
    };
    fill(
      $('channel-list'),
      state.conversations.filter((c) => c.kind === 'channel'),
    );
    fill(
      $('app-list'),
      state.conversations.filter((c) => c.kind === 'im'),
    );
  }

  function renderConversation() {
    const c = conversation(state.current);
    if (!c) return;
    const isApp = c.kind === 'im';
    $('conversation-icon').textContent = isApp ? 'ai' : '#';
    $('conversation-icon').className = isApp ? 'conversation-icon app-icon' : 'conversation-icon hash';
    $('conversation-name').textContent = c.name;
    $('conversation-purpose').textContent = isApp ? '' : c.purpose;
    $('tabs').hidden = !isApp;
    if (!isApp) state.tab = 'messages';
    for (const t of document.querySelectorAll('.tab')) {
      const on = t.dataset.tab === state.tab;
      t.classList.toggle('active', on);
      t.setAttribute('aria-selected', String(on));
    }
    $('home').hidden = state.tab !== 'home';
    $('about').hidden = state.tab !== 'about';
    $('chat').hidden = state.tab !== 'messages';
    $('composer').hidden = state.tab !== 'messages';
    $('text').placeholder = isApp ? `Message ${c.name}` : `Message #${c.name}`;
    renderHint(c);
    renderMessages();
    renderHome();
  }

  function renderHint(c) {
    const hint = $('composer-hint');
    const label = document.createElement('span');
    label.textContent = c.kind === 'im' ? 'Try ' : 'Try a command, or mention @airisk: ';
    const chips = EXAMPLES.map((x) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'chip';
      b.dataset.example = `${state.command} ${x}`;
      b.textContent = `${state.command} ${x}`;
      return b;
    });
    const tail = document.createElement('span');
    tail.textContent =
      c.kind === 'im'
        ? ' or just ask a question, e.g. “is medical coding still worth learning?”'
        : ' e.g. “@airisk medical coder”';
    hint.replaceChildren(label, ...chips, tail);
  }

  /** Thread replies follow their parent; the rest in the order they were posted. */
  const orderKey = (m) => `${m.threadTs || m.ts}|${m.threadTs ? m.ts : ''}`;

  function renderMessages() {
    const chat = $('chat');
    const list = [...state.messages.values()]
      .filter((m) => m.channel === state.current)
      .sort((a, b) => (orderKey(a) < orderKey(b) ? -1 : 1));
    chat.replaceChildren(introFor(conversation(state.current)), ...list.map(messageElement));
    state.unread.delete(state.current);
    chat.scrollTop = chat.scrollHeight;
  }

  function introFor(c) {
    const intro = document.createElement('div');
    intro.className = 'intro';
    const title = document.createElement('div');
    title.className = 'intro-title';
    title.textContent = c.kind === 'im' ? 'airisk' : `#${c.name}`;
    const text = document.createElement('p');
    text.textContent =
      c.kind === 'im'
        ? 'This is your conversation with the airisk app. Ask “Will AI replace my job?” for any job title, occupation code or question, or use the slash command.'
        : `${c.purpose}. The app answers mentions here in a thread; slash commands answer only you.`;
    intro.append(title, text);
    return intro;
  }

  function upsertMessage(m, isNew) {
    const chat = $('chat');
    const existing = chat.querySelector(`.msg[data-key="${cssEscape(m.key)}"]`);
    const row = messageElement(m);
    if (existing) {
      existing.replaceWith(row);
      return;
    }
    const key = orderKey(m);
    const after = [...chat.querySelectorAll('.msg')].find((el) => el.dataset.order > key);
    if (after) chat.insertBefore(row, after);
    else chat.append(row);
    if (isNew) row.scrollIntoView({ block: 'start' });
  }

  function messageElement(m) {
    const row = document.createElement('div');
    const kind = m.author.kind === 'app' ? 'bot' : m.author.kind === 'slackbot' ? 'slackbot' : 'you';
    row.className = [
      'msg',
      kind,
      m.ephemeral ? 'ephemeral' : '',
      m.threadTs ? 'reply' : '',
      m.command ? 'command' : '',
      m.notice ? `notice notice-${m.notice}` : '',
    ]
      .filter(Boolean)
      .join(' ');
    row.dataset.key = m.key;
    row.dataset.channel = m.channel;
    row.dataset.ts = m.ts;
    row.dataset.order = orderKey(m);

    const avatar = document.createElement('div');
    avatar.className = `avatar avatar-${kind}`;
    avatar.textContent = kind === 'bot' ? 'ai' : kind === 'slackbot' ? '✱' : 'Y';
    avatar.setAttribute('aria-hidden', 'true');

    const main = document.createElement('div');
    main.className = 'msg-main';
    if (m.ephemeral) {
      const note = document.createElement('div');
      note.className = 'ephemeral-note';
      note.textContent = m.command ? 'Only visible to you · your slash command' : 'Only visible to you';
      main.append(note);
    }
    if (m.threadTs) {
      const note = document.createElement('div');
      note.className = 'thread-note';
      note.textContent = '↳ replied in thread';
      main.append(note);
    }
    const meta = document.createElement('div');
    meta.className = 'msg-meta';
    const author = document.createElement('span');
    author.className = 'msg-author';
    author.textContent = m.author.name;
    meta.append(author);
    if (kind === 'bot') {
      const badge = document.createElement('span');
      badge.className = 'badge';
      badge.textContent = 'APP';
      meta.append(badge);
    }
    const time = document.createElement('time');
    time.className = 'msg-time';
    time.textContent = timeOf(m.ts);
    meta.append(time);
    if (m.edited) {
      const edited = document.createElement('span');
      edited.className = 'msg-edited';
      edited.textContent = '(edited)';
      meta.append(edited);
    }
    const body = document.createElement('div');
    body.className = 'msg-body';
    body.innerHTML = m.html; // built and escaped by the server's HTML renderer
    main.append(meta, body);
    row.append(avatar, main);
    return row;
  }

  function renderHome() {
    const home = $('home');
    if (state.home === null) {
      const wait = document.createElement('p');
      wait.className = 'home-empty';
      wait.textContent = state.homeRequested
        ? 'Opening App Home…'
        : 'Open the Home tab to see what the app publishes there.';
      home.replaceChildren(wait);
      return;
    }
    home.innerHTML = state.home; // built and escaped by the server's HTML renderer
  }

  function renderKnowledge() {
    const k = state.knowledge;
    if (!k) return;
    const status = $('kb-status');
    const loaded = new Date(k.loadedAt).toLocaleTimeString();
    status.className = 'kb-status ' + (k.valid ? 'ok' : 'bad');
    status.textContent = k.valid
      ? `● Knowledge loaded ${loaded}: ${k.stats.roles} roles (${k.stats.curatedRoles} curated), ${k.stats.faqs} FAQs`
      : `● Knowledge edit invalid: answering from the version loaded ${loaded}`;

    const box = $('errors');
    box.hidden = k.valid;
    if (k.valid) return;
    const count = k.problems.length;
    $('errors-title').textContent =
      (count
        ? `Your knowledge edit has ${count} problem${count === 1 ? '' : 's'}.`
        : 'The knowledge could not be reloaded.') +
      ` The preview keeps answering from the last valid knowledge, loaded at ${loaded}. Fix the file and save: it reloads by itself.`;
    $('errors-rows').replaceChildren(
      ...k.problems.map((p) => {
        const tr = document.createElement('tr');
        for (const value of [p.file, p.line ? String(p.line) : '', p.field || '—', p.message]) {
          const td = document.createElement('td');
          td.textContent = value;
          tr.append(td);
        }
        return tr;
      }),
    );
    box.querySelector('table').hidden = count === 0;
    $('errors-other').textContent = k.error || '';
  }

  function renderModal() {
    const top = state.modals[state.modals.length - 1];
    const backdrop = $('modal-backdrop');
    if (!top) {
      backdrop.hidden = true;
      delete backdrop.dataset.viewId;
      return;
    }
    const fresh = backdrop.dataset.viewId !== top.id || backdrop.dataset.html !== top.html;
    backdrop.hidden = false;
    backdrop.dataset.viewId = top.id;
    $('modal-title').textContent = top.title;
    $('modal-cancel').textContent = top.close;
    $('modal-submit').hidden = top.submit === null;
    $('modal-submit').textContent = top.submit || 'Submit';
    if (fresh) {
      backdrop.dataset.html = top.html;
      $('modal-body').innerHTML = top.html; // built and escaped by the server's HTML renderer
      const first = $('modal-body').querySelector('input, textarea, select');
      if (first) first.focus();
    }
    const unplaced = [];
    for (const el of $('modal-body').querySelectorAll('[data-error-for]')) el.textContent = '';
    for (const [blockId, message] of Object.entries(top.errors || {})) {
      const slot = [...$('modal-body').querySelectorAll('[data-error-for]')].find(
        (el) => el.dataset.errorFor === blockId,
      );
      if (slot) slot.textContent = message;
      else unplaced.push(message);
    }
    $('modal-error').textContent = unplaced.join(' ');
  }

  // ---- what the person does --------------------------------------------------------------------------

  function valueOf(el) {
    if (el.tagName === 'SELECT') return el.multiple ? [...el.selectedOptions].map((o) => o.value) : el.value || null;
    if (el.classList.contains('sk-choices')) {
      const checked = [...el.querySelectorAll('input:checked')].map((i) => i.value);
      return el.dataset.kind === 'radio_buttons' ? (checked[0] ?? null) : checked;
    }
    return el.value;
  }

  function inputsIn(root) {
    return [...root.querySelectorAll('[data-input]')].map((el) => ({
      blockId: el.dataset.blockId,
      actionId: el.dataset.actionId,
      value: valueOf(el),
    }));
  }

  function surfaceOf(el) {
    if (el.closest('#home')) return { surface: 'home' };
    if (el.closest('#modal'))
      return { surface: 'modal', viewId: $('modal-backdrop').dataset.viewId, values: inputsIn($('modal-body')) };
    const row = el.closest('.msg');
    return row ? { surface: 'message', channel: row.dataset.channel, ts: row.dataset.ts } : null;
  }

  async function act(el, value) {
    const where = surfaceOf(el);
    if (!where) return;
    el.classList.add('is-loading');
    el.setAttribute('aria-busy', 'true');
    try {
      await post('/preview/action', { ...where, blockId: el.dataset.blockId, actionId: el.dataset.actionId, value });
    } finally {
      el.classList.remove('is-loading');
      el.removeAttribute('aria-busy');
    }
  }

  async function sendText() {
    const input = $('text');
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    autosize();
    $('command-menu').hidden = true;
    await post('/preview/send', { channel: state.current, text });
  }

  function openConversation(id) {
    if (!conversation(id)) return;
    state.current = id;
    state.tab = 'messages';
    state.unread.delete(id);
    renderSidebar();
    renderConversation();
    if (conversation(id).kind === 'im') void post('/preview/open-tab', { tab: 'messages' });
  }

  function openTab(tab) {
    state.tab = tab;
    if (tab === 'home') state.homeRequested = true;
    renderConversation();
    if (tab === 'home' || tab === 'messages') void post('/preview/open-tab', { tab });
  }

  document.addEventListener('click', async (e) => {
    const target = e.target instanceof window.Element ? e.target : null;
    if (!target) return;
    const conversationButton = target.closest('[data-conversation]');
    if (conversationButton) return openConversation(conversationButton.dataset.conversation);
    const tab = target.closest('.tab');
    if (tab) return openTab(tab.dataset.tab);
    const example = target.closest('[data-example]');
    if (example) {
      $('text').value = example.dataset.example;
      $('text').focus();
      return;
    }
    if (target.closest('#command-item')) {
      $('text').value = `${state.command} `;
      $('command-menu').hidden = true;
      $('text').focus();
      return;
    }
    const button = target.closest('button[data-kind]');
    if (!button || button.disabled) return;
    if (
      button.dataset.confirmTitle &&
      !window.confirm(`${button.dataset.confirmTitle}\n\n${button.dataset.confirmText || ''}`)
    )
      return;
    if (button.dataset.url) window.open(button.dataset.url, '_blank', 'noopener,noreferrer');
    await act(button, button.dataset.value ?? null);
  });

  document.addEventListener('change', async (e) => {
    const target = e.target instanceof window.Element ? e.target : null;
    const el = target && target.closest('[data-kind]');
    // Inputs inside a modal's input blocks are read on submit; menus elsewhere act when changed.
    if (!el || el.hasAttribute('data-input') || el.tagName === 'BUTTON') return;
    await act(el, valueOf(el));
    if (el.classList.contains('sk-overflow')) el.selectedIndex = 0;
  });

  function autosize() {
    const t = $('text');
    t.style.height = 'auto';
    t.style.height = `${Math.min(t.scrollHeight, 200)}px`;
  }

  $('composer').addEventListener('submit', (e) => {
    e.preventDefault();
    void sendText();
  });
  $('text').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      void sendText();
    }
  });
  $('text').addEventListener('input', () => {
    autosize();
    const v = $('text').value;
    const menu = $('command-menu');
    menu.hidden = !(v.startsWith('/') && !/\s/.test(v) && state.command.startsWith(v.toLowerCase()));
    $('command-name').textContent = state.command;
  });

  const topModal = () => state.modals[state.modals.length - 1];
  $('modal-submit').addEventListener('click', async () => {
    const top = topModal();
    if (!top) return;
    $('modal-submit').classList.add('is-loading');
    try {
      await post('/preview/submit', { viewId: top.id, values: inputsIn($('modal-body')) });
    } finally {
      $('modal-submit').classList.remove('is-loading');
    }
  });
  const closeTop = async () => {
    const top = topModal();
    if (top) await post('/preview/close', { viewId: top.id });
  };
  $('modal-cancel').addEventListener('click', closeTop);
  $('modal-x').addEventListener('click', closeTop);
  $('modal-body').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.target instanceof window.HTMLInputElement) {
      e.preventDefault();
      $('modal-submit').click();
    }
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !$('modal-backdrop').hidden) void closeTop();
  });

  // ---- small helpers ---------------------------------------------------------------------------------

  let toastTimer;
  function toast(text) {
    const t = $('toast');
    t.textContent = text;
    t.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => (t.hidden = true), 6000);
  }

  function timeOf(ts) {
    return new Date(Number(ts) * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  function cssEscape(text) {
    return window.CSS && window.CSS.escape ? window.CSS.escape(text) : text.replace(/["\\]/g, '\\$&');
  }

  connect();
  // Opening the app's conversation tells the app, as Slack does (app_home_opened, tab "messages").
  void post('/preview/open-tab', { tab: 'messages' });
})();
