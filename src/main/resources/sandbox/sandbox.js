// The sandbox page: four chats with the real bot through the Bot API emulator, updated live.
"use strict";

const state = { people: [], group: null, chats: new Map(), lastSeq: 0, panes: {} };
const PANES = [
  { name: "refugee", title: "Личный чат с ботом", chooser: "refugee" },
  { name: "volunteer", title: "Волонтёр: личный чат" },
  { name: "group", title: "Группа волонтёров", chooser: "group" },
  { name: "admin", title: "Админ: личный чат" },
];
const ALLOWED_TAGS = new Set(["B", "STRONG", "I", "EM", "U", "INS", "S", "STRIKE", "DEL", "A", "CODE", "PRE",
  "BLOCKQUOTE", "SPAN", "TG-SPOILER"]);

async function api(path, options) {
  const response = await fetch(path, options);
  if (!response.ok) throw new Error(path + ": " + response.status);
  return response.json();
}

function byRole(role) { return state.people.filter(p => p.role === role); }

/** Which chat a pane shows and who writes there. */
function paneTarget(name) {
  const pane = state.panes[name];
  const who = pane.select ? pane.select.value : null;
  switch (name) {
    case "refugee": return { chatId: who, personId: who };
    case "volunteer": return { chatId: byRole("volunteer")[0].id, personId: byRole("volunteer")[0].id };
    case "admin": return { chatId: byRole("admin")[0].id, personId: byRole("admin")[0].id };
    default: return { chatId: state.group, personId: who };
  }
}

function chat(chatId) {
  if (!state.chats.has(chatId)) state.chats.set(chatId, new Map());
  return state.chats.get(chatId);
}

/** Telegram HTML from the bot, rebuilt with only the tags Telegram allows and http(s) links. */
function safeHtml(html) {
  const source = new DOMParser().parseFromString("<div>" + html + "</div>", "text/html").body.firstChild;
  const copy = node => {
    if (node.nodeType === Node.TEXT_NODE) return document.createTextNode(node.textContent);
    if (node.nodeType !== Node.ELEMENT_NODE) return document.createTextNode("");
    const element = ALLOWED_TAGS.has(node.tagName) ? document.createElement(node.tagName.toLowerCase())
      : document.createElement("span");
    if (node.tagName === "A" && /^https?:\/\//i.test(node.getAttribute("href") || "")) {
      element.href = node.getAttribute("href");
      element.target = "_blank";
      element.rel = "noopener noreferrer";
    }
    node.childNodes.forEach(child => element.appendChild(copy(child)));
    return element;
  };
  const fragment = document.createDocumentFragment();
  source.childNodes.forEach(child => fragment.appendChild(copy(child)));
  return fragment;
}

function render(name) {
  const pane = state.panes[name];
  const { chatId } = paneTarget(name);
  const messages = [...chat(String(chatId)).values()].sort((a, b) => a.messageId - b.messageId);
  pane.list.replaceChildren(...messages.map(m => bubble(m, name)));
  pane.list.scrollTop = pane.list.scrollHeight;
}

function bubble(m, paneName) {
  const div = document.createElement("div");
  div.className = "msg " + (m.fromBot ? "bot" : "mine");
  div.dataset.messageId = m.messageId;
  if (!m.fromBot && paneName === "group") {
    const sender = document.createElement("div");
    sender.className = "sender";
    sender.textContent = m.sender;
    div.appendChild(sender);
  }
  if (m.media === "photo" && m.fileId) {
    const img = document.createElement("img");
    img.src = "/api/files/" + encodeURIComponent(m.fileId);
    img.alt = "фото";
    div.appendChild(img);
  } else if (m.media) {
    const file = document.createElement(m.fileId ? "a" : "span");
    if (m.fileId) { file.href = "/api/files/" + encodeURIComponent(m.fileId); file.target = "_blank"; }
    file.textContent = { document: "📄 документ", sticker: "🏷 стикер", voice: "🎤 голосовое" }[m.media] || m.media;
    div.appendChild(file);
  }
  const body = document.createElement("div");
  body.className = "text";
  if (m.fromBot && m.html) body.appendChild(safeHtml(m.html)); else body.textContent = m.text || "";
  div.appendChild(body);
  if (m.buttons && m.buttons.length) {
    const keyboard = document.createElement("div");
    keyboard.className = "keyboard";
    m.buttons.forEach(row => {
      const r = document.createElement("div");
      r.className = "row";
      row.forEach(b => {
        const button = document.createElement(b.url ? "a" : "button");
        button.textContent = b.text;
        if (b.url) { button.href = b.url; button.target = "_blank"; }
        else button.addEventListener("click", () => press(paneName, m.messageId, b.callbackData));
        r.appendChild(button);
      });
      keyboard.appendChild(r);
    });
    div.appendChild(keyboard);
  }
  if (m.edits) {
    const meta = document.createElement("div");
    meta.className = "meta";
    meta.textContent = "изменено";
    div.appendChild(meta);
  }
  return div;
}

function panesShowing(chatId) {
  return Object.keys(state.panes).filter(name => String(paneTarget(name).chatId) === String(chatId));
}

function apply(event) {
  const chatId = String(event.chatId);
  const messages = chat(chatId);
  if (event.type === "message" || event.type === "edit") {
    const before = messages.get(event.messageId);
    messages.set(event.messageId, { ...event, edits: event.type === "edit" ? (before ? (before.edits || 0) + 1 : 1) : 0 });
  } else if (event.type === "delete") {
    messages.delete(event.messageId);
  }
  panesShowing(chatId).forEach(name => {
    if (event.type === "toast") toast(name, event.text);
    else if (event.type === "typing") status(name, "бот печатает…");
    else { status(name, ""); render(name); }
  });
}

function toast(name, text) {
  const element = document.createElement("div");
  element.className = "toast";
  element.textContent = text;
  state.panes[name].root.appendChild(element);
  setTimeout(() => element.remove(), 2500);
}

function status(name, text) {
  state.panes[name].status.textContent = text;
  if (text) setTimeout(() => { if (state.panes[name].status.textContent === text) state.panes[name].status.textContent = ""; }, 4000);
}

async function press(paneName, messageId, data) {
  const { chatId, personId } = paneTarget(paneName);
  await api("/api/press", { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ personId, chatId, messageId, data }) });
}

async function send(paneName, text) {
  const { chatId, personId } = paneTarget(paneName);
  await api("/api/send", { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ personId, chatId, text }) });
}

async function upload(paneName, file) {
  const { chatId, personId } = paneTarget(paneName);
  const data = await new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(",", 2)[1] || "");
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
  await api("/api/upload", { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ personId, chatId, name: file.name, type: file.type, data }) });
}

async function follow() {
  for (;;) {
    try {
      const { events } = await api("/api/events?after=" + state.lastSeq);
      events.forEach(e => { state.lastSeq = Math.max(state.lastSeq, e.seq); apply(e); });
    } catch (e) {
      await new Promise(resolve => setTimeout(resolve, 1000));
    }
  }
}

function setUpPane({ name, title, chooser }, index) {
  const root = document.getElementById("pane").content.firstElementChild.cloneNode(true);
  root.dataset.pane = name;
  root.classList.toggle("active", index === 0);
  root.querySelector(".title").textContent = title;
  document.querySelector(".panes").appendChild(root);
  const pane = { root, list: root.querySelector(".messages"), status: root.querySelector(".status"), select: null };
  state.panes[name] = pane;
  if (chooser) {
    pane.select = document.createElement("select");
    pane.select.className = "who";
    pane.select.setAttribute("aria-label", "Кто пишет");
    root.querySelector("header").appendChild(pane.select);
    const people = chooser === "refugee" ? byRole("refugee") : byRole("volunteer").concat(byRole("admin"));
    people.forEach(p => pane.select.add(new Option(p.name + " (" + p.language + ")", p.id)));
    pane.select.addEventListener("change", () => render(name));
  }
  const form = root.querySelector(".composer");
  const input = form.querySelector(".text");
  form.addEventListener("submit", async e => {
    e.preventDefault();
    const text = input.value;
    if (!text.trim()) return;
    input.value = "";
    await send(name, text);
  });
  form.querySelector("input[type=file]").addEventListener("change", async e => {
    if (e.target.files[0]) await upload(name, e.target.files[0]);
    e.target.value = "";
  });
}

async function main() {
  const info = await api("/api/people");
  state.people = info.people;
  state.group = info.volunteerGroup;
  PANES.forEach(setUpPane);
  document.querySelectorAll(".tabs button").forEach(tab => tab.addEventListener("click", () => {
    document.querySelectorAll(".tabs button").forEach(t => t.classList.toggle("active", t === tab));
    document.querySelectorAll(".pane").forEach(p => p.classList.toggle("active", p.dataset.pane === tab.dataset.tab));
  }));
  Object.keys(state.panes).forEach(render);
  follow();
}

main();
