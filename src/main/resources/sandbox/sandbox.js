// The sandbox page: four chats with the real bot through the Bot API emulator, updated live (the volunteer's pane
// also shows the host's chat, chosen at its top right). The volunteers'
// group may be a forum: its pane then lists the topics (General first) and opens one to read and write in it.
"use strict";

const state = { people: [], group: null, chats: new Map(), lastSeq: 0, run: null, live: false, tab: "refugee",
  panes: {}, forum: { forum: false, topics: [] }, topic: null, topicsAsked: 0 };
const GENERAL = 1;
const PANES = [
  { name: "refugee", title: "Личный чат с ботом", chooser: "refugee" },
  { name: "volunteer", title: "Личный чат волонтёра или хозяина", chooser: "private" },
  { name: "group", title: "Группа волонтёров", chooser: "group" },
  { name: "admin", title: "Админ: личный чат" },
];
/** What an empty chat says, as Telegram shows a bot's description and a Start button before the first message. */
const HINTS = {
  refugee: {
    ru: { title: "Что умеет этот бот?", start: "Запустить",
      text: "Отвечает на вопросы о жилье, ИИН, ПИНФЛ, ИНН и правилах пребывания в Казахстане, Узбекистане, "
        + "Кыргызстане, Таджикистане, Грузии и Армении, а если не знает ответа — зовёт волонтёра.\n\n"
        + "Нажмите «Запустить» внизу, чтобы начать, как в Telegram." },
    en: { title: "What can this bot do?", start: "Start",
      text: "It answers questions about housing, tax IDs and personal numbers, and stay rules in Kazakhstan, "
        + "Uzbekistan, Kyrgyzstan, Tajikistan, Georgia and Armenia, and calls a volunteer when it does not know.\n\n"
        + "Press Start below to begin, as in Telegram." },
  },
  volunteer: { title: "Чат Веры с ботом",
    text: "Вера — волонтёр, уже одобренная. Когда она возьмёт заявку в группе, сюда придёт вопрос гостя, а всё, "
      + "что она напишет здесь, получит гость. Удачный ответ сохраняется в базу знаний: «Ответить» на него "
      + "(↩ или двойной щелчок) и /savekb.\n\nКоманды: /queue /mine /me" },
  host: { title: "Чат Тимура с ботом",
    text: "Тимур — хозяин жилья, уже одобренный. /offer — предложить койку, комнату или квартиру: несколько вопросов, "
      + "предпросмотр, «Опубликовать». Потом в чате беженца: /housing, город, даты, «Запросить». Сюда придёт запрос "
      + "с «Принять» — после него Тимур и гость переписываются через бота, не видя аккаунтов друг друга.\n\n"
      + "Команды: /offer /myoffers /housing /hostname" },
  group: { title: "Группа волонтёров", plain: true,
    text: "Сюда бот присылает новые заявки с кнопкой «Взять». Заявка появится, когда беженец нажмёт "
      + "«Спросить волонтёра» или отправит /human. Кто пишет в группе — Вера или админ — выбирается вверху справа. "
      + "«# Темы» делает группу форумом с темами, как в настройках группы в Telegram." },
  topic: { plain: true, text: "В этой теме пока нет сообщений." },
  admin: { title: "Чат администратора",
    text: "Команды админа: /admin\n/stats /gaps /drafts /volunteers /broadcast" },
};
const MEDIA = { photo: "📷 фото", document: "📄 документ", sticker: "🏷 стикер", voice: "🎤 голосовое" };
const ALLOWED_TAGS = new Set(["B", "STRONG", "I", "EM", "U", "INS", "S", "STRIKE", "DEL", "A", "CODE", "PRE",
  "BLOCKQUOTE", "SPAN", "TG-SPOILER"]);
const COMMAND = /(^|[\s(])(\/[A-Za-z][A-Za-z0-9_]{0,31})(?![\w@/])/g;
const MAX_FILE = 10 * 1024 * 1024;
const phone = window.matchMedia("(max-width: 900px)");

async function api(path, body) {
  const response = await fetch(path, body === undefined ? {}
    : { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(answer.error || String(response.status));
  return answer;
}

function remembered(key) {
  try { return localStorage.getItem("relohelp.sandbox." + key); } catch (e) { return null; }
}

function remember(key, value) {
  try { localStorage.setItem("relohelp.sandbox." + key, value); } catch (e) { /* private mode: not kept */ }
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function byRole(role) { return state.people.filter(p => p.role === role); }

/** Which chat a pane shows and who writes there. */
function paneTarget(name) {
  const pane = state.panes[name];
  const who = pane.select ? pane.select.value : null;
  switch (name) {
    case "refugee": return { chatId: who, personId: who };
    case "volunteer": return { chatId: who, personId: who };
    case "admin": return { chatId: byRole("admin")[0].id, personId: byRole("admin")[0].id };
    default: return { chatId: state.group, personId: who };
  }
}

function chat(chatId) {
  if (!state.chats.has(String(chatId))) state.chats.set(String(chatId), new Map());
  return state.chats.get(String(chatId));
}

/**
 * The forum topic the group pane shows: null outside forums, "list" while it lists the topics, otherwise the
 * topic's thread id (GENERAL for General).
 */
function paneTopic(name) {
  if (name !== "group" || !state.forum.forum) return null;
  return state.topic === null ? "list" : state.topic;
}

/** A topic's messages carry its thread id as message_thread_id; General's carry none (0). */
function messageThread(topicId) { return topicId === GENERAL ? 0 : topicId; }

function openTopic() { return state.forum.topics.find(t => t.threadId === state.topic) || null; }

/** The messages a pane shows: its chat's, or in a forum only those of the open topic. */
function paneChat(name) {
  const messages = chat(paneTarget(name).chatId);
  const topic = paneTopic(name);
  if (topic === null) return messages;
  const thread = topic === "list" ? -1 : messageThread(topic);
  return new Map([...messages].filter(([, m]) => (m.threadId || 0) === thread));
}

/** Whether an event's message belongs in what the pane shows now. */
function shows(name, threadId) {
  const topic = paneTopic(name);
  return topic === null || topic !== "list" && messageThread(topic) === (threadId || 0);
}

/** Text with its /commands clickable: pressing one sends it, as in Telegram. */
function withCommands(text, paneName) {
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const match of text.matchAll(COMMAND)) {
    const start = match.index + match[1].length;
    fragment.appendChild(document.createTextNode(text.slice(at, start)));
    const command = element("span", "command", match[2]);
    command.setAttribute("role", "button");
    command.tabIndex = 0;
    command.addEventListener("click", () => send(paneName, match[2]));
    command.addEventListener("keydown", e => { if (e.key === "Enter") send(paneName, match[2]); });
    fragment.appendChild(command);
    at = start + match[2].length;
  }
  fragment.appendChild(document.createTextNode(text.slice(at)));
  return fragment;
}

/** Telegram HTML from the bot, rebuilt with only the tags Telegram allows and http(s) links. */
function safeHtml(html, paneName) {
  const source = new DOMParser().parseFromString("<div>" + html + "</div>", "text/html").body.firstChild;
  const copy = (node, plain) => {
    if (node.nodeType === Node.TEXT_NODE) {
      return plain ? document.createTextNode(node.textContent) : withCommands(node.textContent, paneName);
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return document.createTextNode("");
    const copied = document.createElement(ALLOWED_TAGS.has(node.tagName) ? node.tagName.toLowerCase() : "span");
    if (node.tagName === "A" && /^https?:\/\//i.test(node.getAttribute("href") || "")) {
      copied.href = node.getAttribute("href");
      copied.target = "_blank";
      copied.rel = "noopener noreferrer";
    }
    const inside = plain || ["A", "CODE", "PRE"].includes(node.tagName);
    node.childNodes.forEach(child => copied.appendChild(copy(child, inside)));
    return copied;
  };
  const fragment = document.createDocumentFragment();
  source.childNodes.forEach(child => fragment.appendChild(copy(child, false)));
  return fragment;
}

function senderName(m) { return m.fromBot ? "Relohelp" : m.sender; }

function snippet(m) {
  const text = (m.text || "").replace(/\s+/g, " ").trim();
  if (!text) return MEDIA[m.media] || "сообщение";
  return text.length > 90 ? text.slice(0, 90) + "…" : text;
}

function bubble(m, paneName) {
  const div = element("div", "msg " + (m.fromBot ? "bot" : "mine"));
  div.dataset.messageId = m.messageId;
  if (m.replyTo) {
    div.dataset.replyTo = m.replyTo;
    div.appendChild(quoteOf(paneName, m.replyTo));
  }
  if (!m.fromBot && paneName === "group") div.appendChild(element("div", "sender", m.sender));
  if (m.media === "photo" && m.fileId) {
    const img = element("img");
    img.src = "/api/files/" + encodeURIComponent(m.fileId);
    img.alt = "фото";
    img.addEventListener("load", () => { if (state.panes[paneName].stuck) scrollToEnd(paneName); });
    div.appendChild(img);
  } else if (m.media) {
    const file = element(m.fileId ? "a" : "span", null, MEDIA[m.media] || m.media);
    if (m.fileId) { file.href = "/api/files/" + encodeURIComponent(m.fileId); file.target = "_blank"; }
    div.appendChild(file);
  }
  const body = element("div", "text");
  if (m.fromBot && m.html) body.appendChild(safeHtml(m.html, paneName)); else body.textContent = m.text || "";
  div.appendChild(body);
  if (m.buttons && m.buttons.length) {
    const keyboard = element("div", "keyboard");
    m.buttons.forEach(row => {
      const r = element("div", "row");
      row.forEach(b => {
        const button = element(b.url ? "a" : "button", null, b.text);
        if (b.url) { button.href = b.url; button.target = "_blank"; button.rel = "noopener noreferrer"; }
        else button.addEventListener("click", () => press(paneName, m.messageId, b.callbackData));
        r.appendChild(button);
      });
      keyboard.appendChild(r);
    });
    div.appendChild(keyboard);
  }
  if (m.edits) div.appendChild(element("div", "meta", "изменено"));
  const reply = element("button", "reply", "↩");
  reply.type = "button";
  reply.title = "Ответить";
  reply.setAttribute("aria-label", "Ответить");
  reply.addEventListener("click", () => startReply(paneName, m.messageId));
  div.appendChild(reply);
  div.addEventListener("dblclick", e => {
    if (!e.target.closest(".keyboard, a, .command, .quote")) startReply(paneName, m.messageId);
  });
  return div;
}

/** The quoted message above a reply; pressing it shows the original. */
function quoteOf(paneName, messageId) {
  const original = paneChat(paneName).get(messageId);
  const quote = element("div", "quote");
  quote.append(element("div", "who", original ? senderName(original) : ""),
    element("div", "what", original ? snippet(original) : "сообщение удалено"));
  quote.addEventListener("click", () => {
    const target = bubbleOf(paneName, messageId);
    if (!target) return;
    target.scrollIntoView({ block: "center" });
    target.classList.remove("flash");
    void target.offsetWidth;
    target.classList.add("flash");
  });
  return quote;
}

function bubbleOf(paneName, messageId) {
  return state.panes[paneName].list.querySelector('.msg[data-message-id="' + messageId + '"]');
}

function nearEnd(list) { return list.scrollHeight - list.scrollTop - list.clientHeight < 40; }

function scrollToEnd(name) {
  const pane = state.panes[name];
  pane.list.scrollTop = pane.list.scrollHeight;
  pane.stuck = true;
}

/** The whole pane again: at the start, when another person is chosen, and when a topic is opened or left. */
function render(name) {
  const pane = state.panes[name];
  if (name === "group") showForum(pane);
  if (paneTopic(name) === "list") return;
  const messages = [...paneChat(name).values()].sort((a, b) => a.messageId - b.messageId);
  pane.list.replaceChildren(...messages.map(m => bubble(m, name)));
  cancelReply(name);
  showWhenEmpty(name);
  scrollToEnd(name);
}

/** One message new, edited or gone, without redrawing the others. */
function update(name, messageId, edited) {
  const pane = state.panes[name];
  const m = paneChat(name).get(messageId);
  const old = bubbleOf(name, messageId);
  const follow = pane.stuck || (m && !m.fromBot);
  if (!m) {
    if (old) old.remove();
    if (pane.replyTo === messageId) cancelReply(name);
  } else if (old) {
    old.replaceWith(bubble(m, name));
  } else {
    const next = [...pane.list.querySelectorAll(".msg")].find(b => Number(b.dataset.messageId) > messageId);
    pane.list.insertBefore(bubble(m, name), next || null);
  }
  if (edited || !m) {
    pane.list.querySelectorAll('.msg[data-reply-to="' + messageId + '"]').forEach(b =>
      b.replaceWith(bubble(paneChat(name).get(Number(b.dataset.messageId)), name)));
  }
  showWhenEmpty(name);
  if (follow) scrollToEnd(name);
}

/** An empty chat shows what to do there; the refugee's has the Start button instead of the composer. */
function showWhenEmpty(name) {
  const pane = state.panes[name];
  const empty = paneChat(name).size === 0;
  const shown = pane.list.querySelector(".hint");
  const shownFor = paneTarget(name).chatId + "/" + paneTopic(name);
  if (shown && (!empty || shown.dataset.for !== shownFor)) shown.remove();
  const language = name === "refugee" ? state.people.find(p => p.id === paneTarget(name).chatId).language : "ru";
  const hint = name === "refugee" ? HINTS.refugee[language] || HINTS.refugee.ru
    : paneTopic(name) !== null ? { ...HINTS.topic, title: (openTopic() || {}).name }
    : name === "volunteer" && byRole("host").some(p => p.id === paneTarget(name).chatId) ? HINTS.host : HINTS[name];
  if (empty && !pane.list.querySelector(".hint")) {
    const card = element("div", "hint");
    card.dataset.for = shownFor;
    card.append(element("div", "title", hint.title));
    const text = element("div", "text");
    text.appendChild(hint.plain ? document.createTextNode(hint.text) : withCommands(hint.text, name));
    card.append(text);
    pane.list.appendChild(card);
  }
  const starting = empty && name === "refugee";
  const closed = paneTopic(name) !== null && (openTopic() || {}).closed === true;
  pane.start.hidden = !starting;
  pane.start.disabled = false;
  pane.start.textContent = hint.start || "";
  pane.form.hidden = starting || closed;
  pane.closedNote.hidden = !closed;
  if (closed) cancelReply(name);
}

/** The group pane as a forum: the list of its topics, or one topic with the way back; as a plain group, "# Темы". */
function showForum(pane) {
  const topic = paneTopic("group");
  const listing = topic === "list";
  pane.enableTopics.hidden = state.forum.forum;
  pane.back.hidden = topic === null || listing;
  pane.topics.hidden = !listing;
  pane.list.hidden = listing;
  pane.title.textContent = topic !== null && !listing ? openTopic().name : pane.defaultTitle;
  if (listing) {
    cancelReply("group");
    pane.form.hidden = true;
    pane.start.hidden = true;
    pane.closedNote.hidden = true;
    listTopics(pane);
  }
}

function listTopics(pane) {
  const messages = [...chat(state.group).values()].sort((a, b) => a.messageId - b.messageId);
  pane.topics.replaceChildren(...state.forum.topics.map(t => {
    const row = element("button", "topic");
    row.type = "button";
    row.dataset.threadId = t.threadId;
    const icon = element("span", "icon", t.threadId === GENERAL ? "#" : "");
    if (t.threadId !== GENERAL) icon.style.background = "#" + t.iconColor.toString(16).padStart(6, "0");
    const about = element("span", "about");
    about.append(element("div", "name", t.name + (t.closed ? " 🔒" : "")));
    const last = messages.filter(m => (m.threadId || 0) === messageThread(t.threadId)).pop();
    about.append(element("div", "last", last ? senderName(last) + ": " + snippet(last) : "нет сообщений"));
    row.append(icon, about);
    row.addEventListener("click", () => chooseTopic(t.threadId));
    return row;
  }));
}

/** Opens a topic (or, with null, goes back to the list); the choice survives a reload. */
function chooseTopic(threadId) {
  state.topic = threadId;
  remember("topic", threadId === null ? "" : String(threadId));
  render("group");
}

/** The group's topics as the emulator holds them now; the latest answer wins. */
async function loadTopics() {
  const asked = ++state.topicsAsked;
  const answer = await api("/api/topics");
  if (asked !== state.topicsAsked) return;
  state.forum = answer;
  if (state.topic !== null && !openTopic()) {
    state.topic = null;
    status("group", "Тема удалена");
  }
  render("group");
}

function startReply(name, messageId) {
  const pane = state.panes[name];
  const m = paneChat(name).get(messageId);
  if (!m || pane.form.hidden) return;
  pane.replyTo = messageId;
  pane.replying.querySelector(".who").textContent = "Ответ: " + senderName(m);
  pane.replying.querySelector(".what").textContent = snippet(m);
  pane.replying.hidden = false;
  pane.input.focus();
}

function cancelReply(name) {
  const pane = state.panes[name];
  pane.replyTo = 0;
  pane.replying.hidden = true;
}

function panesShowing(chatId) {
  return Object.keys(state.panes).filter(name => String(paneTarget(name).chatId) === String(chatId));
}

function visible(name) { return !phone.matches || state.tab === name; }

function apply(event) {
  if (event.type === "topic") {
    loadTopics().catch(() => status("group", "Темы не загрузились"));
    return;
  }
  const messages = chat(event.chatId);
  if (event.type === "message" || event.type === "edit") {
    const before = messages.get(event.messageId);
    messages.set(event.messageId, { ...event, edits: event.type === "edit" ? (before ? (before.edits || 0) + 1 : 1) : 0 });
  } else if (event.type === "delete") {
    messages.delete(event.messageId);
  }
  panesShowing(event.chatId).forEach(name => {
    const here = shows(name, event.threadId);
    if (event.type === "toast") toast(name, event.text);
    else if (event.type === "typing") { if (here) status(name, "бот печатает…"); }
    else {
      if (here) {
        status(name, "");
        update(name, event.messageId, event.type === "edit");
      } else if (paneTopic(name) === "list") {
        listTopics(state.panes[name]);
      }
      if (event.type === "message" && state.live && !visible(name)) countUnread(name, 1);
    }
  });
}

function countUnread(name, more) {
  const pane = state.panes[name];
  pane.unread = more ? pane.unread + more : 0;
  pane.badge.textContent = pane.unread ? String(pane.unread) : "";
  pane.badge.hidden = pane.unread === 0;
}

function toast(name, text) {
  const note = element("div", "toast", text);
  state.panes[name].root.appendChild(note);
  setTimeout(() => note.remove(), 2500);
}

function status(name, text) {
  const line = state.panes[name].status;
  line.textContent = text;
  if (text) setTimeout(() => { if (line.textContent === text) line.textContent = ""; }, 5000);
}

async function press(paneName, messageId, data) {
  const { chatId, personId } = paneTarget(paneName);
  try {
    await api("/api/press", { personId, chatId, messageId, data });
  } catch (error) {
    status(paneName, "Не нажалось: " + error.message);
  }
}

/** The thread a pane's new message goes to: 0 outside forums and in General. */
function writingThread(paneName) {
  const topic = paneTopic(paneName);
  return typeof topic === "number" ? messageThread(topic) : 0;
}

async function send(paneName, text, replyTo) {
  const { chatId, personId } = paneTarget(paneName);
  await api("/api/send", { personId, chatId, text, replyTo: replyTo || 0, threadId: writingThread(paneName) });
}

async function upload(paneName, file) {
  if (file.size > MAX_FILE) throw new Error("файлы — до 10 МБ");
  const { chatId, personId } = paneTarget(paneName);
  const data = await new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(",", 2)[1] || "");
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
  await api("/api/upload", { personId, chatId, name: file.name, type: file.type, data,
    threadId: writingThread(paneName) });
}

async function follow() {
  for (;;) {
    try {
      const answer = await api("/api/events?after=" + state.lastSeq + (state.live ? "" : "&wait=0"));
      if (state.run && answer.run !== state.run) {
        location.reload(); // the program was restarted: the chats shown here are gone
        return;
      }
      state.run = answer.run;
      answer.events.forEach(e => { state.lastSeq = Math.max(state.lastSeq, e.seq); apply(e); });
      state.live = true;
    } catch (e) {
      await new Promise(resolve => setTimeout(resolve, 1000));
    }
  }
}

function autosize(input) {
  input.style.height = "auto";
  input.style.height = Math.min(input.scrollHeight + 2, 160) + "px";
}

function setUpPane({ name, title, chooser }) {
  const root = document.getElementById("pane").content.firstElementChild.cloneNode(true);
  root.dataset.pane = name;
  root.querySelector(".title").textContent = title;
  document.querySelector(".panes").appendChild(root);
  const pane = { root, list: root.querySelector(".messages"), status: root.querySelector(".status"),
    replying: root.querySelector(".replying"), start: root.querySelector(".start"),
    form: root.querySelector(".composer"), input: root.querySelector(".composer .text"),
    badge: document.querySelector('.tabs [data-tab="' + name + '"] .badge'),
    title: root.querySelector(".title"), defaultTitle: title, back: root.querySelector(".back"),
    topics: root.querySelector(".topics"), closedNote: root.querySelector(".closed-note"),
    select: null, replyTo: 0, unread: 0, stuck: true };
  state.panes[name] = pane;
  if (name === "group") {
    pane.enableTopics = element("button", "enable-topics", "# Темы");
    pane.enableTopics.type = "button";
    pane.enableTopics.title = "Включить темы, как владелец группы в Telegram";
    pane.enableTopics.addEventListener("click", async () => {
      try {
        await api("/api/forum", {});
      } catch (error) {
        status(name, "Темы не включились: " + error.message);
      }
    });
    root.querySelector("header").appendChild(pane.enableTopics);
    pane.back.addEventListener("click", () => chooseTopic(null));
  }
  if (chooser) {
    pane.select = element("select", "who");
    pane.select.setAttribute("aria-label", "Кто пишет");
    root.querySelector("header").appendChild(pane.select);
    const people = chooser === "refugee" ? byRole("refugee") : chooser === "private"
      ? byRole("volunteer").concat(byRole("host")) : byRole("volunteer").concat(byRole("admin"));
    people.forEach(p => pane.select.add(new Option(p.name + " (" + p.language + ")", p.id)));
    const chosen = remembered(name);
    if (people.some(p => p.id === chosen)) pane.select.value = chosen;
    pane.select.addEventListener("change", () => {
      remember(name, pane.select.value);
      render(name);
    });
  }
  pane.list.addEventListener("scroll", () => { pane.stuck = nearEnd(pane.list); });
  new ResizeObserver(() => { if (pane.stuck) scrollToEnd(name); }).observe(pane.list);
  pane.start.addEventListener("click", async () => {
    pane.start.disabled = true;
    try {
      await send(name, "/start");
    } catch (error) {
      pane.start.disabled = false;
      status(name, "Не отправлено: " + error.message);
    }
  });
  pane.replying.querySelector(".cancel-reply").addEventListener("click", () => cancelReply(name));
  pane.replying.querySelector(".quote").addEventListener("click", () => {
    const target = bubbleOf(name, pane.replyTo);
    if (target) target.scrollIntoView({ block: "center" });
  });
  const { form, input } = pane;
  const touchScreen = window.matchMedia("(pointer: coarse)");
  input.addEventListener("keydown", e => {
    // as in Telegram: on a touch screen Enter starts a new line and ➤ sends; with a keyboard Enter sends
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing && !touchScreen.matches) {
      e.preventDefault();
      form.requestSubmit();
    } else if (e.key === "Escape") {
      cancelReply(name);
    }
  });
  input.addEventListener("input", () => autosize(input));
  form.addEventListener("submit", async e => {
    e.preventDefault();
    const text = input.value;
    if (!text.trim()) return;
    const replyTo = pane.replyTo;
    input.value = "";
    autosize(input);
    cancelReply(name);
    try {
      await send(name, text, replyTo);
    } catch (error) {
      if (!input.value) { input.value = text; autosize(input); }
      if (replyTo) startReply(name, replyTo);
      status(name, "Не отправлено: " + error.message);
    }
  });
  form.querySelector("input[type=file]").addEventListener("change", async e => {
    const file = e.target.files[0];
    e.target.value = "";
    if (!file) return;
    try {
      await upload(name, file);
    } catch (error) {
      status(name, "Не отправлено: " + error.message);
    }
  });
}

function showTab(name) {
  state.tab = name;
  remember("tab", name);
  document.querySelectorAll(".tabs button").forEach(tab => {
    tab.classList.toggle("active", tab.dataset.tab === name);
    tab.setAttribute("aria-selected", String(tab.dataset.tab === name));
  });
  document.querySelectorAll(".pane").forEach(p => p.classList.toggle("active", p.dataset.pane === name));
  countUnread(name, 0);
  scrollToEnd(name);
}

async function main() {
  const [info, forum] = await Promise.all([api("/api/people"), api("/api/topics")]);
  state.people = info.people;
  state.group = info.volunteerGroup;
  state.forum = forum;
  const topic = Number(remembered("topic"));
  if (state.forum.topics.some(t => t.threadId === topic)) state.topic = topic;
  PANES.forEach(setUpPane);
  document.querySelectorAll(".tabs button").forEach(tab => tab.addEventListener("click", () => showTab(tab.dataset.tab)));
  phone.addEventListener("change", () => Object.keys(state.panes).forEach(name => {
    countUnread(name, 0);
    scrollToEnd(name);
  }));
  Object.keys(state.panes).forEach(render);
  showTab(state.panes[remembered("tab")] ? remembered("tab") : "refugee");
  follow();
}

main();
