/* global document, window, fetch, EventSource, setTimeout, clearTimeout, setInterval, clearInterval */
// The preview page: draws the conversation the server streams (server-sent events) and sends back what the
// person types and clicks, in the conversation, the assistant split view, a message's shortcut menu and the
// workflow step's form. Message, App Home and modal HTML comes from the server's Block Kit renderer, which
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
    // What manifest.yml declares, and the assistant's threads and the workflow runs so far.
    assistantEnabled: false,
    shortcuts: [],
    steps: [],
    threads: new Map(),
    runs: new Map(),
    assistant: { open: false, threadTs: null },
    workflow: { step: null, executionId: null },
  };

  // ---- talking to the server -------------------------------------------------------------------------

  /** Posts to the preview server; the parsed JSON answer, or false when it refused (a toast says why). */
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
    return res.json().catch(() => true);
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
      state.assistantEnabled = s.assistant;
      state.shortcuts = s.shortcuts;
      state.steps = s.steps;
      state.threads = new Map(s.assistantThreads.map((t) => [t.threadTs, t]));
      state.runs = new Map(s.runs.map((r) => [r.executionId, r]));
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
        if (m.assistantThread) {
          if (m.assistantThread === state.assistant.threadTs && m.ts !== m.assistantThread)
            upsertMessage(m, isNew, $('assistant-thread'));
        } else if (m.channel === state.current) upsertMessage(m, isNew);
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
      case 'assistant':
        state.threads.set(update.thread.threadTs, update.thread);
        if (update.thread.threadTs === state.assistant.threadTs) renderAssistantState();
        break;
      case 'workflow':
        state.runs.set(update.run.executionId, update.run);
        renderWorkflowResult();
        break;
    }
  }

  // ---- drawing ---------------------------------------------------------------------------------------

  function renderAll() {
    renderSidebar();
    renderConversation();
    renderKnowledge();
    renderModal();
    renderAssistant();
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
    $('workflows-section').hidden = state.steps.length === 0;
    $('workflow-list').replaceChildren(
      ...state.steps.map((step) => {
        const li = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'sidebar-item';
        button.dataset.step = step.callbackId;
        const icon = document.createElement('span');
        icon.className = 'hash';
        icon.setAttribute('aria-hidden', 'true');
        icon.textContent = '▶';
        const name = document.createElement('span');
        name.className = 'sidebar-name';
        name.textContent = step.title;
        button.append(icon, name);
        li.append(button);
        return li;
      }),
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
      .filter((m) => m.channel === state.current && !m.assistantThread)
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

  function upsertMessage(m, isNew, chat = $('chat')) {
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
      m.threadTs && !m.assistantThread ? 'reply' : '',
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
    if (m.threadTs && !m.assistantThread) {
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
    // Slack offers message shortcuts on any message in a conversation, from its "More actions" menu.
    if (state.shortcuts.length && !m.ephemeral && !m.command && !m.notice) {
      const more = document.createElement('button');
      more.type = 'button';
      more.className = 'msg-more';
      more.textContent = '⋯';
      more.setAttribute('aria-label', 'More actions');
      more.setAttribute('aria-haspopup', 'menu');
      row.append(more);
    }
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

  // ---- the assistant split view ----------------------------------------------------------------------

  let loadingTimer;

  function renderAssistant() {
    $('assistant-toggle').hidden = !state.assistantEnabled;
    $('assistant-toggle').setAttribute('aria-pressed', String(state.assistant.open));
    $('assistant').hidden = !state.assistant.open;
    if (!state.assistant.open) return;
    const threadTs = state.assistant.threadTs;
    const list = [...state.messages.values()]
      .filter((m) => m.assistantThread === threadTs && m.ts !== threadTs)
      .sort((a, b) => (orderKey(a) < orderKey(b) ? -1 : 1));
    $('assistant-thread').replaceChildren(...list.map(messageElement));
    $('assistant-thread').scrollTop = $('assistant-thread').scrollHeight;
    renderAssistantState();
  }

  /** The thread's title, context, status line and suggested prompts, as the app set them. */
  function renderAssistantState() {
    const thread = state.threads.get(state.assistant.threadTs);
    $('assistant-title').textContent = (thread && thread.title) || 'New chat';
    const context = thread && thread.context && conversation(thread.context);
    $('assistant-context').textContent = context
      ? `Beside ${context.kind === 'im' ? context.name : `#${context.name}`}`
      : '';
    const status = thread && thread.status;
    $('assistant-status').hidden = !status;
    $('assistant-status-text').textContent = status ? `${state.app ? state.app.name : 'airisk'} ${status}` : '';
    clearInterval(loadingTimer);
    const loading = (thread && thread.loadingMessages) || [];
    $('assistant-loading').textContent = status ? loading[0] || '' : '';
    if (status && loading.length > 1) {
      let i = 0;
      loadingTimer = setInterval(() => {
        i = (i + 1) % loading.length;
        $('assistant-loading').textContent = loading[i];
      }, 1500);
    }
    const prompts = thread && thread.prompts;
    $('assistant-prompts').hidden = !prompts;
    $('assistant-prompts-title').textContent = (prompts && prompts.title) || 'Suggested prompts';
    $('assistant-prompt-list').replaceChildren(
      ...((prompts && prompts.prompts) || []).map((p) => {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'assistant-prompt';
        b.dataset.prompt = p.message;
        b.textContent = p.title;
        b.title = p.message;
        return b;
      }),
    );
  }

  /** Opens the split view; the first time (and on "New chat") Slack starts a thread beside the conversation. */
  async function openAssistant(newChat) {
    state.assistant.open = true;
    if (newChat || !state.assistant.threadTs) {
      state.assistant.threadTs = null;
      renderAssistant();
      const opened = await post('/preview/assistant/open', { context: state.current });
      if (opened && opened.threadTs) state.assistant.threadTs = opened.threadTs;
    }
    renderAssistant();
    $('assistant-text').focus();
  }

  async function sendToAssistant(text) {
    if (!text.trim() || !state.assistant.threadTs) return;
    await post('/preview/assistant/send', { threadTs: state.assistant.threadTs, text });
  }

  // ---- a message's shortcut menu ---------------------------------------------------------------------

  function openShortcutMenu(button) {
    const row = button.closest('.msg');
    const menu = $('shortcut-menu');
    $('shortcut-items').replaceChildren(
      ...state.shortcuts.map((sc) => {
        const item = document.createElement('button');
        item.type = 'button';
        item.className = 'shortcut-item';
        item.setAttribute('role', 'menuitem');
        item.dataset.shortcut = sc.callbackId;
        item.dataset.channel = row.dataset.channel;
        item.dataset.ts = row.dataset.ts;
        const name = document.createElement('span');
        name.textContent = sc.name;
        const what = document.createElement('small');
        what.textContent = `${state.app ? state.app.name : 'airisk'} · ${sc.description}`;
        item.append(name, what);
        return item;
      }),
    );
    const box = button.getBoundingClientRect();
    menu.style.top = `${Math.min(box.bottom + 4, window.innerHeight - 120)}px`;
    menu.style.left = `${Math.max(8, box.right - 280)}px`;
    menu.hidden = false;
    const first = menu.querySelector('button');
    if (first) first.focus();
  }

  const closeShortcutMenu = () => ($('shortcut-menu').hidden = true);

  // ---- a workflow step's form ------------------------------------------------------------------------

  function openWorkflowStep(callbackId) {
    const step = state.steps.find((x) => x.callbackId === callbackId);
    if (!step) return;
    state.workflow = { step, executionId: null };
    $('workflow-title').textContent = step.title;
    $('workflow-description').textContent = step.description;
    $('workflow-inputs').replaceChildren(
      ...step.inputs.map((p) => {
        const field = document.createElement('div');
        field.className = 'workflow-field';
        const label = document.createElement('label');
        label.htmlFor = `workflow-input-${p.name}`;
        label.textContent = p.is_required ? p.title : `${p.title} (optional)`;
        let input;
        if (p.type === 'slack#/types/channel_id') {
          input = document.createElement('select');
          const none = document.createElement('option');
          none.value = '';
          none.textContent = p.is_required ? 'Select a channel' : 'No channel';
          input.append(
            none,
            ...state.conversations
              .filter((c) => c.kind === 'channel')
              .map((c) => {
                const o = document.createElement('option');
                o.value = c.id;
                o.textContent = `#${c.name}`;
                return o;
              }),
          );
        } else {
          input = document.createElement('input');
          input.type = 'text';
          if (p.hint) input.placeholder = p.hint;
        }
        input.id = `workflow-input-${p.name}`;
        input.dataset.input = p.name;
        if (p.is_required) input.required = true;
        const hint = document.createElement('div');
        hint.className = 'workflow-hint';
        hint.textContent = p.description || '';
        field.append(label, input, hint);
        return field;
      }),
    );
    $('workflow-result').replaceChildren();
    $('workflow-backdrop').hidden = false;
    const first = $('workflow-inputs').querySelector('input, select');
    if (first) first.focus();
  }

  async function runWorkflowStep() {
    const step = state.workflow.step;
    if (!step) return;
    const inputs = {};
    for (const el of $('workflow-inputs').querySelectorAll('[data-input]')) inputs[el.dataset.input] = el.value;
    $('workflow-run').classList.add('is-loading');
    try {
      const ran = await post('/preview/workflow', { callbackId: step.callbackId, inputs, channel: state.current });
      if (ran && ran.executionId) state.workflow.executionId = ran.executionId;
    } finally {
      $('workflow-run').classList.remove('is-loading');
    }
    renderWorkflowResult();
  }

  /** The last run's outcome: its outputs, or the error Slack would pass on to the person. */
  function renderWorkflowResult() {
    const run = state.runs.get(state.workflow.executionId);
    const box = $('workflow-result');
    if (!run) return;
    const head = document.createElement('div');
    head.className = `workflow-state ${run.state}`;
    head.textContent =
      run.state === 'completed' ? 'Step completed' : run.state === 'failed' ? 'Step failed' : 'Step running…';
    const parts = [head];
    if (run.state === 'failed') {
      const error = document.createElement('div');
      error.className = 'workflow-error';
      error.innerHTML = run.errorHtml || ''; // drawn and escaped by the server's mrkdwn renderer
      parts.push(error);
    }
    if (run.outputs) {
      const list = document.createElement('dl');
      list.className = 'workflow-outputs';
      const outputs = (state.workflow.step && state.workflow.step.outputs) || [];
      for (const [name, value] of Object.entries(run.outputs)) {
        const dt = document.createElement('dt');
        dt.textContent = (outputs.find((o) => o.name === name) || { title: name }).title;
        dt.dataset.output = name;
        const dd = document.createElement('dd');
        dd.textContent = String(value);
        list.append(dt, dd);
      }
      parts.push(list);
    }
    box.replaceChildren(...parts);
  }

  const closeWorkflow = () => ($('workflow-backdrop').hidden = true);

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
    // With the split view open, Slack tells the app the person now views another conversation.
    if (state.assistant.open && state.assistant.threadTs)
      void post('/preview/assistant/context', { threadTs: state.assistant.threadTs, context: id });
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
    if (!target.closest('#shortcut-menu') && !target.closest('.msg-more')) closeShortcutMenu();
    const more = target.closest('.msg-more');
    if (more) return openShortcutMenu(more);
    const shortcut = target.closest('[data-shortcut]');
    if (shortcut) {
      closeShortcutMenu();
      await post('/preview/shortcut', {
        callbackId: shortcut.dataset.shortcut,
        channel: shortcut.dataset.channel,
        ts: shortcut.dataset.ts,
      });
      return;
    }
    const step = target.closest('[data-step]');
    if (step) return openWorkflowStep(step.dataset.step);
    const prompt = target.closest('[data-prompt]');
    if (prompt) return sendToAssistant(prompt.dataset.prompt);
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
    if (e.key !== 'Escape') return;
    if (!$('shortcut-menu').hidden) closeShortcutMenu();
    else if (!$('workflow-backdrop').hidden) closeWorkflow();
    else if (!$('modal-backdrop').hidden) void closeTop();
  });

  $('assistant-toggle').addEventListener('click', () => {
    if (state.assistant.open) {
      state.assistant.open = false;
      renderAssistant();
    } else void openAssistant(false);
  });
  $('assistant-new').addEventListener('click', () => void openAssistant(true));
  $('assistant-close').addEventListener('click', () => {
    state.assistant.open = false;
    renderAssistant();
  });
  const sendAssistantText = () => {
    const input = $('assistant-text');
    const text = input.value;
    input.value = '';
    void sendToAssistant(text);
  };
  $('assistant-composer').addEventListener('submit', (e) => {
    e.preventDefault();
    sendAssistantText();
  });
  $('assistant-text').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      sendAssistantText();
    }
  });

  $('workflow-run').addEventListener('click', () => void runWorkflowStep());
  $('workflow-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void runWorkflowStep();
  });
  $('workflow-cancel').addEventListener('click', closeWorkflow);
  $('workflow-x').addEventListener('click', closeWorkflow);

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
