/*
 * 工会助手 web chat. Plain browser JavaScript, no libraries (the machines have no internet).
 *
 * Identity: in the demo (GET api/demo/people answers) the visitor picks a member and the page sends
 * that user id; otherwise the page was opened from a personal link "?token=...", which is kept in
 * sessionStorage, removed from the address bar and sent as the X-Unionbot-Token header.
 *
 * Everything the server or the user wrote is put on the page with text nodes, never as HTML.
 */
(function () {
  'use strict';

  var POLL_MS = 3000;
  var TOKEN_KEY = 'unionbot_token';
  var USER_KEY = 'unionbot_demo_user';

  var state = {
    mode: 'starting', // 'demo' | 'token'
    user: '',
    token: null,
    people: [],
    sending: false,
    polling: false,
    stopped: false,
    timer: null
  };

  var ui = {};

  function $(id) {
    return document.getElementById(id);
  }

  function store(kind) {
    try {
      return window[kind];
    } catch (e) {
      return null; // storage disabled (some private modes)
    }
  }

  function remember(key, value) {
    var s = store('sessionStorage');
    if (!s) {
      return;
    }
    try {
      if (value) {
        s.setItem(key, value);
      } else {
        s.removeItem(key);
      }
    } catch (e) {
      /* quota or privacy mode: the page still works for this visit */
    }
  }

  function recall(key) {
    var s = store('sessionStorage');
    try {
      return s ? s.getItem(key) : null;
    } catch (e) {
      return null;
    }
  }

  /* ---------- messages ---------- */

  var SPEAKER = { me: '我：', bot: '工会助手：', error: '提示：', note: '' };

  function formatTime(iso) {
    var d = new Date(iso);
    if (isNaN(d.getTime())) {
      return '';
    }
    return d.toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' });
  }

  function addMessage(kind, text, at) {
    var item = document.createElement('li');
    item.className = 'msg ' + kind;
    if (SPEAKER[kind]) {
      var who = document.createElement('span');
      who.className = 'visually-hidden';
      who.textContent = SPEAKER[kind];
      item.appendChild(who);
    }
    // A text node: "<script>" typed by anyone shows as those characters.
    item.appendChild(document.createTextNode(String(text)));
    if (at) {
      var label = formatTime(at);
      if (label) {
        var time = document.createElement('time');
        time.dateTime = at;
        time.textContent = label;
        item.appendChild(time);
      }
    }
    ui.messages.appendChild(item);
    ui.messages.scrollTop = ui.messages.scrollHeight;
    return item;
  }

  function addReply(reply) {
    if (!reply) {
      return;
    }
    // "您是想问": the options become buttons that send their number, as a typed reply would.
    if (reply.type === 'choices' && Array.isArray(reply.choices) && reply.choices.length) {
      var prompt = String(reply.text || '').split('\n')[0];
      var item = addMessage('bot', prompt, reply.at);
      var list = document.createElement('div');
      list.className = 'choices';
      reply.choices.forEach(function (option, index) {
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'choice';
        button.textContent = (index + 1) + '. ' + option;
        button.addEventListener('click', function () {
          send(String(index + 1));
        });
        list.appendChild(button);
      });
      item.appendChild(list);
      return;
    }
    // Unknown kinds of content still show their text.
    if (typeof reply.text === 'string' && reply.text !== '') {
      var shown = addMessage('bot', reply.text, reply.at);
      if (reply.type === 'knowledge' && reply.knowledge && reply.knowledge.title) {
        var label = document.createElement('small');
        label.className = 'entry';
        label.textContent = '问答：' + reply.knowledge.title;
        shown.appendChild(label);
      }
    }
  }

  function clearMessages() {
    while (ui.messages.firstChild) {
      ui.messages.removeChild(ui.messages.firstChild);
    }
  }

  function greet() {
    addMessage('note', '您好！我是工会助手。可以点下面的「帮助」看看我能做什么，也可以直接提问。');
  }

  /* ---------- talking to the server ---------- */

  function headers(extra) {
    var h = { Accept: 'application/json' };
    if (state.mode === 'token' && state.token) {
      h['X-Unionbot-Token'] = state.token;
    }
    for (var k in extra) {
      if (Object.prototype.hasOwnProperty.call(extra, k)) {
        h[k] = extra[k];
      }
    }
    return h;
  }

  function readJson(response) {
    return response.json().catch(function () {
      return null;
    });
  }

  function errorText(response, data) {
    if (data && typeof data.error === 'string' && data.error) {
      return data.error;
    }
    return '出错了（' + response.status + '），请稍后再试。';
  }

  function newMessageId() {
    var c = window.crypto;
    if (c && typeof c.randomUUID === 'function') {
      try {
        return c.randomUUID();
      } catch (e) {
        /* not a secure context: fall through */
      }
    }
    if (c && typeof c.getRandomValues === 'function') {
      var bytes = new Uint8Array(16);
      c.getRandomValues(bytes);
      return Array.prototype.map.call(bytes, function (b) {
        return ('0' + b.toString(16)).slice(-2);
      }).join('');
    }
    return Date.now().toString(36) + Math.random().toString(36).slice(2);
  }

  function hasIdentity() {
    return state.mode === 'demo' ? !!state.user : state.mode === 'token' && !!state.token;
  }

  function send(text) {
    if (state.sending) {
      return false;
    }
    if (!text || !text.trim()) {
      ui.text.focus();
      return false;
    }
    if (state.mode === 'demo' && !state.user) {
      addMessage('error', '请先在上方选择您是谁。');
      ui.person.focus();
      return false;
    }
    if (state.mode === 'token' && !state.token) {
      addMessage('error', '请用工会发给您的专属链接打开本页面。');
      return false;
    }
    var body = { text: text, messageId: newMessageId() };
    if (state.mode === 'demo') {
      body.user = state.user;
    }
    var speaker = state.user;
    addMessage('me', text);
    setSending(true);
    fetch('api/chat', {
      method: 'POST',
      headers: headers({ 'Content-Type': 'application/json' }),
      body: JSON.stringify(body),
      cache: 'no-store',
      credentials: 'same-origin'
    }).then(function (response) {
      return readJson(response).then(function (data) {
        if (speaker !== state.user) {
          return; // the demo visitor switched person meanwhile
        }
        if (!response.ok) {
          addMessage('error', errorText(response, data));
          if (response.status === 401) {
            stopPolling();
          }
          return;
        }
        var replies = (data && data.replies) || [];
        replies.forEach(addReply);
        if (data && data.deferred) {
          addMessage('note', '正在处理，答复稍后会出现在这里。');
          schedulePoll(1000);
        }
      });
    }).catch(function () {
      addMessage('error', '网络连接失败，请检查网络后再发一次。');
    }).then(function () {
      setSending(false);
    });
    return true;
  }

  function setSending(sending) {
    state.sending = sending;
    ui.form.setAttribute('aria-busy', sending ? 'true' : 'false');
    ui.send.textContent = sending ? '发送中…' : '发送';
  }

  /* ---------- inbox polling (only while the page is visible) ---------- */

  function stopPolling() {
    state.stopped = true;
    clearTimeout(state.timer);
  }

  function schedulePoll(delay) {
    clearTimeout(state.timer);
    if (state.stopped || !hasIdentity() || document.visibilityState === 'hidden') {
      return;
    }
    state.timer = setTimeout(poll, delay);
  }

  function poll() {
    if (state.stopped || !hasIdentity() || document.visibilityState === 'hidden') {
      return;
    }
    if (state.polling) {
      schedulePoll(POLL_MS);
      return;
    }
    state.polling = true;
    var user = state.user;
    var url = 'api/inbox' + (state.mode === 'demo' ? '?user=' + encodeURIComponent(user) : '');
    fetch(url, { headers: headers({}), cache: 'no-store', credentials: 'same-origin' })
      .then(function (response) {
        return readJson(response).then(function (data) {
          if (response.ok) {
            if (user === state.user) {
              ((data && data.messages) || []).forEach(addReply);
            }
          } else if (response.status === 401 || response.status === 403) {
            addMessage('error', errorText(response, data));
            stopPolling();
          }
        });
      })
      .catch(function () {
        /* offline for a moment: the next poll tries again */
      })
      .then(function () {
        state.polling = false;
        schedulePoll(POLL_MS);
      });
  }

  /* ---------- demo person picker ---------- */

  function personLabel(p) {
    var parts = [p.name];
    if (p.group) {
      parts.push(p.group);
    }
    if (p.roles && p.roles.length) {
      parts.push(p.roles.join('、'));
    }
    return parts.join(' · ') + '（' + p.user + '）';
  }

  function matches(p, query) {
    if (!query) {
      return true;
    }
    var hay = [p.name, p.user, p.group || '', (p.roles || []).join(' ')].join(' ').toLowerCase();
    return hay.indexOf(query) !== -1;
  }

  function fillPeople(query) {
    var q = (query || '').trim().toLowerCase();
    var select = ui.person;
    while (select.firstChild) {
      select.removeChild(select.firstChild);
    }
    var placeholder = document.createElement('option');
    placeholder.value = '';
    placeholder.textContent = state.people.length ? '请选择身份…' : '名单里还没有网页身份';
    select.appendChild(placeholder);
    var shown = state.people.filter(function (p) {
      return matches(p, q) || p.user === state.user;
    });
    shown.forEach(function (p) {
      var option = document.createElement('option');
      option.value = p.user;
      option.textContent = personLabel(p);
      select.appendChild(option);
    });
    select.value = state.user || '';
    return shown.filter(function (p) {
      return matches(p, q);
    });
  }

  function choosePerson(user) {
    if (user === state.user) {
      return;
    }
    state.user = user;
    remember(USER_KEY, user);
    ui.person.value = user;
    clearMessages();
    var person = state.people.filter(function (p) {
      return p.user === user;
    })[0];
    if (person) {
      ui.who.textContent = '当前身份：' + person.name;
      addMessage('note', '现在以「' + person.name + '」的身份聊天。');
      greet();
      state.stopped = false;
      schedulePoll(0);
    } else {
      ui.who.textContent = '未选择身份';
      addMessage('note', '请先在上方选择您是谁。');
    }
  }

  function startDemo(people) {
    state.mode = 'demo';
    state.people = Array.isArray(people) ? people : [];
    ui.picker.hidden = false;
    fillPeople('');
    ui.person.addEventListener('change', function () {
      choosePerson(ui.person.value);
    });
    ui.search.addEventListener('input', function () {
      fillPeople(ui.search.value);
    });
    ui.search.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && !event.isComposing) {
        event.preventDefault();
        var found = fillPeople(ui.search.value);
        if (found.length) {
          choosePerson(found[0].user);
          ui.text.focus();
        }
      }
    });
    var saved = recall(USER_KEY);
    var known = saved && state.people.some(function (p) {
      return p.user === saved;
    });
    if (known) {
      choosePerson(saved);
    } else {
      ui.who.textContent = '演示模式';
      addMessage('note', '演示模式：请先在上方选择您是谁，再开始聊天。');
    }
  }

  function tokenFromAddress() {
    var params = new URLSearchParams(window.location.search);
    var token = params.get('token');
    if (token) {
      remember(TOKEN_KEY, token);
      params.delete('token');
      var rest = params.toString();
      // Keep the token out of history, bookmarks and screenshots of the address bar.
      window.history.replaceState(null, '', window.location.pathname + (rest ? '?' + rest : '') + window.location.hash);
    }
    return token || recall(TOKEN_KEY);
  }

  function startWithToken() {
    state.mode = 'token';
    state.token = tokenFromAddress();
    ui.picker.hidden = true;
    if (state.token) {
      ui.who.textContent = '已通过专属链接进入';
      greet();
      schedulePoll(0);
    } else {
      ui.who.textContent = '';
      addMessage('error', '请用工会发给您的专属链接打开本页面。');
    }
  }

  function start() {
    fetch('api/demo/people', { headers: { Accept: 'application/json' }, cache: 'no-store' })
      .then(function (response) {
        if (response.ok) {
          return response.json().then(startDemo);
        }
        if (response.status === 404) {
          startWithToken();
          return undefined;
        }
        return readJson(response).then(function (data) {
          addMessage('error', errorText(response, data));
        });
      })
      .catch(function () {
        addMessage('error', '无法连接工会助手，请检查网络后刷新页面。');
      });
  }

  /* ---------- wiring ---------- */

  function autoGrow() {
    ui.text.style.height = 'auto';
    ui.text.style.height = Math.min(ui.text.scrollHeight, 128) + 'px';
  }

  function submitTyped() {
    var text = ui.text.value;
    if (send(text)) {
      ui.text.value = '';
      autoGrow();
    }
    ui.text.focus();
  }

  function init() {
    ui.messages = $('messages');
    ui.form = $('composer');
    ui.text = $('text');
    ui.send = $('send');
    ui.picker = $('picker');
    ui.person = $('person');
    ui.search = $('person-search');
    ui.who = $('who');

    ui.form.addEventListener('submit', function (event) {
      event.preventDefault();
      submitTyped();
    });
    ui.text.addEventListener('keydown', function (event) {
      // Enter sends; Shift+Enter is a new line; Enter that confirms a Chinese IME candidate does nothing.
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
        event.preventDefault();
        submitTyped();
      }
    });
    ui.text.addEventListener('input', autoGrow);
    Array.prototype.forEach.call(document.querySelectorAll('.chip'), function (chip) {
      chip.addEventListener('click', function () {
        send(chip.getAttribute('data-text'));
      });
    });
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'visible') {
        schedulePoll(0);
      } else {
        clearTimeout(state.timer);
      }
    });
    start();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
