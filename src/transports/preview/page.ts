// The preview page: a Slack-like window (sidebar, conversation, composer, App Home tab, modals). Plain HTML,
// CSS and a little JavaScript; every message's HTML is built and escaped on the server.
export const PREVIEW_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<title>airisk preview</title>
<meta name="viewport" content="width=device-width, initial-scale=1" />
<style>
  * { box-sizing: border-box; }
  body { margin: 0; font: 15px/1.46 -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #1d1c1d; display: flex; height: 100vh; }
  #sidebar { width: 220px; background: #3f0e40; color: #cfc3cf; padding: 12px 0; flex-shrink: 0; }
  #sidebar h1 { color: #fff; font-size: 18px; margin: 0 16px 12px; }
  #sidebar .item { padding: 4px 16px; cursor: pointer; }
  #sidebar .item.active { background: #1164a3; color: #fff; }
  #sidebar .hint { font-size: 12px; padding: 12px 16px; opacity: .8; }
  main { flex: 1; display: flex; flex-direction: column; min-width: 0; }
  #topbar { border-bottom: 1px solid #ddd; padding: 10px 20px; display: flex; gap: 16px; align-items: center; }
  #topbar .tab { cursor: pointer; padding-bottom: 4px; }
  #topbar .tab.active { border-bottom: 2px solid #1264a3; font-weight: 700; }
  #errors { display: none; background: #fff4e5; border: 1px solid #e8912d; margin: 10px 20px; padding: 10px 14px; border-radius: 6px; font-size: 13px; white-space: pre-wrap; }
  #chat, #home { flex: 1; overflow-y: auto; padding: 12px 20px; }
  #home { display: none; }
  .msg { display: flex; gap: 10px; padding: 8px 0; }
  .avatar { width: 36px; height: 36px; border-radius: 6px; background: #2eb67d; color: #fff; font-weight: 700; display: flex; align-items: center; justify-content: center; flex-shrink: 0; }
  .msg.you .avatar { background: #e01e5a; }
  .who { font-weight: 900; }
  .note { color: #616061; font-size: 12px; margin-left: 6px; }
  .body { min-width: 0; flex: 1; }
  .sk-header { font-size: 18px; font-weight: 900; margin: 4px 0; }
  .sk-section { display: flex; gap: 12px; margin: 6px 0; }
  .sk-section-main { flex: 1; }
  .sk-fields { display: grid; grid-template-columns: 1fr 1fr; gap: 8px 16px; margin-top: 4px; }
  .sk-context { color: #616061; font-size: 13px; margin: 6px 0; }
  .sk-divider { border: 0; border-top: 1px solid #ddd; margin: 10px 0; }
  .sk-actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0; }
  .sk-button { border: 1px solid #bbb; background: #fff; border-radius: 4px; padding: 4px 12px; font: inherit; font-size: 14px; font-weight: 700; cursor: pointer; }
  .sk-button.sk-primary { background: #007a5a; color: #fff; border-color: #007a5a; }
  .sk-button.sk-danger { background: #e01e5a; color: #fff; border-color: #e01e5a; }
  .sk-link { color: #1264a3; }
  .sk-code { background: #f6f6f6; border: 1px solid #ddd; border-radius: 3px; padding: 0 3px; color: #e01e5a; font-size: 13px; }
  .sk-pre { background: #f6f6f6; border: 1px solid #ddd; border-radius: 4px; padding: 8px; white-space: pre-wrap; }
  .sk-quote { border-left: 4px solid #ddd; margin: 4px 0; padding-left: 10px; }
  .sk-mention { background: #e8f5fa; color: #1264a3; border-radius: 3px; padding: 0 2px; }
  .sk-input { display: block; margin: 8px 0; }
  .sk-input-label { display: block; font-weight: 700; margin-bottom: 4px; }
  .sk-input input { width: 100%; padding: 8px; font: inherit; border: 1px solid #bbb; border-radius: 4px; }
  #composer { border-top: 1px solid #ddd; padding: 12px 20px; display: flex; gap: 8px; }
  #composer input { flex: 1; padding: 10px; font: inherit; border: 1px solid #bbb; border-radius: 6px; }
  #composer button { padding: 8px 16px; font: inherit; font-weight: 700; background: #007a5a; color: #fff; border: 0; border-radius: 6px; cursor: pointer; }
  #modal-backdrop { display: none; position: fixed; inset: 0; background: rgba(0,0,0,.45); align-items: center; justify-content: center; }
  #modal { background: #fff; width: 520px; max-width: 95vw; border-radius: 8px; padding: 16px 20px; }
  #modal h2 { margin: 0 0 8px; font-size: 20px; }
  #modal .buttons { display: flex; justify-content: flex-end; gap: 8px; margin-top: 12px; }
  #modal .error { color: #e01e5a; font-size: 13px; }
</style>
</head>
<body>
<nav id="sidebar">
  <h1>airisk preview</h1>
  <div class="item active">airisk (DM)</div>
  <div class="hint">A local preview of the Slack app: the same listeners and Block Kit, nothing is sent to Slack.</div>
</nav>
<main>
  <div id="topbar"><span class="tab active" data-tab="chat">Messages</span><span class="tab" data-tab="home">Home</span><span id="stats" class="note"></span></div>
  <div id="errors" role="alert"></div>
  <div id="chat" aria-live="polite"></div>
  <div id="home"></div>
  <form id="composer"><input id="text" autocomplete="off" placeholder="Message airisk, or type /airisk medical coder" aria-label="Message" /><button type="submit">Send</button></form>
</main>
<div id="modal-backdrop"><div id="modal" role="dialog" aria-modal="true"><h2 id="modal-title"></h2><div id="modal-body"></div><div class="error" id="modal-error"></div><div class="buttons"><button type="button" class="sk-button" id="modal-cancel">Cancel</button><button type="button" class="sk-button sk-primary" id="modal-submit">Submit</button></div></div></div>
<script>
(() => {
  const $ = (id) => document.getElementById(id);
  let shown = 0;
  let modalOpen = null;
  async function post(path, data) {
    const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(data || {}) });
    return res.json();
  }
  async function refresh() {
    const state = await (await fetch('/preview/state')).json();
    const chat = $('chat');
    for (const item of state.items.slice(shown)) {
      const row = document.createElement('div');
      row.className = 'msg ' + (item.from === 'you' ? 'you' : 'bot');
      row.dataset.id = item.id;
      const avatar = document.createElement('div');
      avatar.className = 'avatar';
      avatar.textContent = item.from === 'you' ? 'Y' : 'ai';
      const body = document.createElement('div');
      body.className = 'body';
      const who = document.createElement('div');
      who.innerHTML = '<span class="who"></span><span class="note"></span>';
      who.firstChild.textContent = item.from === 'you' ? 'you' : 'airisk';
      who.lastChild.textContent = item.note || '';
      const content = document.createElement('div');
      content.className = 'content';
      content.innerHTML = item.html; // built and escaped by the server
      body.append(who, content);
      row.append(avatar, body);
      chat.append(row);
      chat.scrollTop = chat.scrollHeight;
    }
    shown = state.items.length;
    $('home').innerHTML = state.home || '<p>Loading App Home…</p>';
    $('stats').textContent = state.stats.roles + ' roles · ' + state.stats.faqs + ' FAQs';
    const errors = $('errors');
    if (state.knowledgeErrors.length) {
      errors.style.display = 'block';
      errors.textContent = 'Your knowledge edit is invalid, so the preview keeps answering from the last valid knowledge:\\n' + state.knowledgeErrors.join('\\n');
    } else errors.style.display = 'none';
    if (state.modal && !modalOpen) openModal(state.modal);
  }
  function openModal(m) {
    modalOpen = m;
    $('modal-title').innerHTML = m.title;
    $('modal-body').innerHTML = m.html;
    $('modal-error').textContent = '';
    $('modal-backdrop').style.display = 'flex';
    const input = $('modal-body').querySelector('input');
    if (input) input.focus();
  }
  function closeModal() {
    modalOpen = null;
    $('modal-backdrop').style.display = 'none';
  }
  async function settle() {
    for (let i = 0; i < 6; i++) { await refresh(); await new Promise((r) => setTimeout(r, 150)); }
  }
  $('composer').addEventListener('submit', async (e) => {
    e.preventDefault();
    const text = $('text').value.trim();
    if (!text) return;
    $('text').value = '';
    await post('/preview/send', { text });
    await settle();
  });
  document.addEventListener('click', async (e) => {
    const tab = e.target.closest('.tab');
    if (tab) {
      document.querySelectorAll('.tab').forEach((t) => t.classList.toggle('active', t === tab));
      const home = tab.dataset.tab === 'home';
      $('home').style.display = home ? 'block' : 'none';
      $('chat').style.display = home ? 'none' : 'block';
      if (home) { await post('/preview/home'); await settle(); }
      return;
    }
    const button = e.target.closest('button.sk-button[data-action-id]');
    if (!button) return;
    const surface = button.closest('#home') ? 'home' : 'message';
    await post('/preview/action', { actionId: button.dataset.actionId, value: button.dataset.value, blockId: button.dataset.blockId, surface });
    await settle();
  });
  $('modal-cancel').addEventListener('click', async () => { await post('/preview/close'); closeModal(); });
  $('modal-submit').addEventListener('click', async () => {
    const values = {};
    for (const input of $('modal-body').querySelectorAll('input[data-block-id]')) {
      values[input.dataset.blockId] = values[input.dataset.blockId] || {};
      values[input.dataset.blockId][input.dataset.actionId] = input.value;
    }
    const result = await post('/preview/submit', { values });
    if (!result.ok) { $('modal-error').textContent = Object.values(result.errors || {}).join(' ') || result.error || 'Could not submit'; return; }
    closeModal();
    document.querySelector('.tab[data-tab="chat"]').click();
    await settle();
  });
  refresh();
  setInterval(refresh, 1500);
})();
</script>
</body>
</html>
`;
