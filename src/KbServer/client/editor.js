// The studio editor: CodeMirror over the form's textarea, with a toolbar, live preview, server-side draft
// autosave and image paste/drop. Without this script the page is a plain form that still saves.
import { EditorView, basicSetup } from "codemirror";
import { keymap } from "@codemirror/view";
import { markdown } from "@codemirror/lang-markdown";

const form = document.querySelector("form[data-kb-editor-form]");
const textarea = form && form.querySelector("textarea[data-kb-editor]");
if (form && textarea) {
  start(form, textarea);
}

function start(form, textarea) {
  const token = form.querySelector("input[name=__RequestVerificationToken]").value;
  const status = document.getElementById("editor-status");
  const preview = document.getElementById("preview");
  const draftKey = "kb-draft:" + (form.dataset.path || "new");
  let dirty = false;
  let saving = false;

  const say = (text, kind) => {
    if (status) {
      status.textContent = text;
      status.dataset.kind = kind || "info";
    }
  };

  const wrap = (view, before, after, placeholder) => {
    const { from, to } = view.state.selection.main;
    const selected = view.state.sliceDoc(from, to) || placeholder;
    view.dispatch({
      changes: { from, to, insert: before + selected + after },
      selection: { anchor: from + before.length, head: from + before.length + selected.length },
    });
    view.focus();
    return true;
  };

  // A selection becomes the link's text and the address is selected, ready to type or paste; with no selection
  // the placeholder text is selected first.
  const link = (view) => {
    const { from, to } = view.state.selection.main;
    const text = view.state.sliceDoc(from, to);
    const inserted = "[" + (text || "link text") + "](https://)";
    const selection = text
      ? { anchor: from + text.length + 3, head: from + inserted.length - 1 }
      : { anchor: from + 1, head: from + 1 + "link text".length };
    view.dispatch({ changes: { from, to, insert: inserted }, selection });
    view.focus();
    return true;
  };

  // A two-column table on lines of its own, its first header cell selected.
  const table = (view) => {
    const { from } = view.state.selection.main;
    const line = view.state.doc.lineAt(from);
    const before = line.text.trim() === "" ? "" : "\n\n";
    const at = line.text.trim() === "" ? line.from : line.to;
    const inserted = before + "| Column | Column |\n| --- | --- |\n| Cell | Cell |\n";
    const start = at + before.length + 2;
    view.dispatch({ changes: { from: at, to: line.text.trim() === "" ? line.to : at, insert: inserted }, selection: { anchor: start, head: start + "Column".length } });
    view.focus();
    return true;
  };

  const linePrefix = (view, prefix) => {
    const line = view.state.doc.lineAt(view.state.selection.main.from);
    view.dispatch({ changes: { from: line.from, insert: prefix } });
    view.focus();
    return true;
  };

  const commands = {
    bold: (v) => wrap(v, "**", "**", "bold text"),
    italic: (v) => wrap(v, "_", "_", "italic text"),
    heading: (v) => linePrefix(v, "## "),
    link: (v) => link(v),
    table: (v) => table(v),
    bullet: (v) => linePrefix(v, "- "),
    number: (v) => linePrefix(v, "1. "),
    quote: (v) => linePrefix(v, "> "),
    code: (v) => wrap(v, "`", "`", "code"),
  };

  const view = new EditorView({
    doc: textarea.value,
    extensions: [
      basicSetup,
      markdown(),
      EditorView.cspNonce.of(form.dataset.cspNonce || ""),
      EditorView.lineWrapping,
      keymap.of([
        { key: "Mod-b", run: commands.bold },
        { key: "Mod-i", run: commands.italic },
        { key: "Mod-k", run: commands.link },
        { key: "Mod-s", run: () => { form.requestSubmit(); return true; } },
      ]),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) {
          textarea.value = update.state.doc.toString();
          changed();
        }
      }),
      // tabindex 0 changes nothing for the browser (contenteditable is in the tab order already), but it tells
      // tools such as axe that the scrolling area holds keyboard-focusable content (scrollable-region-focusable).
      EditorView.contentAttributes.of({ "aria-label": "Article text (markdown)", tabindex: "0" }),
      EditorView.domEventHandlers({
        paste: (event) => handleFiles(event.clipboardData && event.clipboardData.files, event),
        drop: (event) => handleFiles(event.dataTransfer && event.dataTransfer.files, event),
      }),
    ],
  });
  textarea.hidden = true;
  textarea.insertAdjacentElement("afterend", view.dom);
  view.dom.classList.add("cm-kb");

  const toolbar = document.getElementById("editor-toolbar");
  if (toolbar) {
    toolbar.hidden = false;
    // Pressing a button must not take focus (and the selection) from the text it is about to format.
    toolbar.addEventListener("mousedown", (event) => {
      if (event.target.closest("button[data-cmd]")) {
        event.preventDefault();
      }
    });
    toolbar.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-cmd]");
      if (button) {
        event.preventDefault();
        commands[button.dataset.cmd](view);
      }
    });
    rovingFocus(toolbar);
  }

  const picker = document.getElementById("image-file");
  if (picker) {
    picker.addEventListener("change", () => {
      for (const file of picker.files) {
        upload(file);
      }
      picker.value = "";
    });
  }

  // Every field counts: a changed title is as much work as a changed paragraph.
  form.addEventListener("input", (event) => {
    if (event.target !== textarea && event.target !== picker) {
      changed();
    }
  });
  form.addEventListener("submit", () => {
    textarea.value = view.state.doc.toString();
    saving = true;
    // Kept until the server confirms the save (the next page says so): an expired session must not lose it.
    saveLocally();
  });
  if (document.getElementById("saved-notice")) {
    localStorage.removeItem(draftKey);
  }

  // A new article's path follows its title until the author edits the path themselves.
  const pathInput = form.querySelector("[data-kb-path]");
  const titleInput = form.querySelector("#title");
  if (pathInput && titleInput) {
    const folder = pathInput.value.includes("/") ? pathInput.value.slice(0, pathInput.value.lastIndexOf("/") + 1) : "";
    let followsTitle = pathInput.value === folder;
    // A title given by the link that opened the editor ("write this next" in the support report) gives the path too.
    if (followsTitle && titleInput.value) {
      pathInput.value = folder + slugify(titleInput.value);
    }
    pathInput.addEventListener("input", () => { followsTitle = false; });
    titleInput.addEventListener("input", () => {
      if (followsTitle) {
        pathInput.value = folder + slugify(titleInput.value);
      }
    });
  }
  window.addEventListener("beforeunload", (event) => {
    if (dirty && !saving) {
      saveLocally();
      event.preventDefault();
    }
  });

  let draftTimer = 0;
  let previewTimer = 0;
  function changed() {
    dirty = true;
    clearTimeout(draftTimer);
    draftTimer = setTimeout(saveDraft, 1200);
    clearTimeout(previewTimer);
    previewTimer = setTimeout(renderPreview, 350);
  }

  function saveLocally() {
    const data = {};
    new FormData(form).forEach((value, key) => {
      if (key !== "__RequestVerificationToken") {
        (data[key] = data[key] || []).push(String(value));
      }
    });
    data.savedAt = [new Date().toISOString()];
    localStorage.setItem(draftKey, JSON.stringify(data));
  }

  async function post(handler, body) {
    const response = await fetch(form.dataset.endpoint + "?handler=" + handler, {
      method: "POST",
      body,
      headers: { RequestVerificationToken: token },
      credentials: "same-origin",
      redirect: "manual",
    });
    return response;
  }

  async function saveDraft() {
    saveLocally();
    try {
      const response = await post("Draft", new FormData(form));
      if (response.ok) {
        dirty = false;
        say("Draft saved at " + new Date().toLocaleTimeString() + ". It stays until you save.", "ok");
      } else if (response.type === "opaqueredirect" || response.status === 401) {
        say("You are signed out. Your draft is kept in this browser: sign in again in another tab, then come back.", "warn");
      } else {
        say("The draft could not be saved to the server (" + response.status + "); it is kept in this browser.", "warn");
      }
    } catch {
      say("Offline: your draft is kept in this browser.", "warn");
    }
  }

  async function renderPreview() {
    if (!preview) {
      return;
    }
    const body = new FormData();
    body.append("Form.Body", view.state.doc.toString());
    body.append("Path", form.dataset.path || "");
    form.querySelectorAll("input[name=Attachments]").forEach((input) => body.append("Attachments", input.value));
    try {
      const response = await post("Preview", body);
      if (response.ok) {
        // Rendered and sanitized on the server by the help center's own pipeline.
        preview.innerHTML = await response.text();
      }
    } catch {
      // The preview is a convenience; the draft and the save do not depend on it.
    }
  }

  function handleFiles(files, event) {
    if (!files || files.length === 0) {
      return false;
    }
    event.preventDefault();
    for (const file of files) {
      upload(file);
    }
    return true;
  }

  async function upload(file) {
    say("Uploading " + file.name + "…");
    const body = new FormData();
    body.append("file", file);
    body.append("Path", form.dataset.path || form.querySelector("[name=Path]")?.value || "");
    try {
      const response = await post("Upload", body);
      const result = await response.json();
      if (!response.ok) {
        say(result.error || "The image could not be added.", "error");
        return;
      }
      const attachment = document.createElement("input");
      attachment.type = "hidden";
      attachment.name = "Attachments";
      attachment.value = result.attachment;
      form.appendChild(attachment);
      const at = view.state.selection.main.head;
      view.dispatch({ changes: { from: at, insert: result.markdown }, selection: { anchor: at + result.markdown.length } });
      changed();
      say(file.name + " added; it is saved with the article.", "ok");
    } catch {
      say("The image could not be uploaded.", "error");
    }
  }

  // A draft kept only in this browser (the session had expired) comes back with one click.
  const local = localStorage.getItem(draftKey);
  const serverDraftAt = form.dataset.draftAt ? Date.parse(form.dataset.draftAt) : 0;
  const restore = document.getElementById("restore-local");
  if (local && restore) {
    const data = JSON.parse(local);
    const savedAt = Date.parse((data.savedAt || [])[0] || "");
    const differs = (data["Form.Body"] || [""])[0] !== view.state.doc.toString();
    if (differs && savedAt > serverDraftAt) {
      restore.hidden = false;
      restore.querySelector("button").addEventListener("click", () => {
        for (const [key, values] of Object.entries(data)) {
          const field = form.elements.namedItem(key);
          if (key === "Form.Body") {
            view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: values[0] } });
          } else if (field && "value" in field && field.type !== "hidden") {
            field.value = values[0];
          }
        }
        restore.hidden = true;
        changed();
      });
    }
  }

  renderPreview();
}

function slugify(title) {
  return title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
}

// The ARIA toolbar pattern: the toolbar is one Tab stop, and the arrow keys (Home, End) move between its controls.
// Tab then goes straight on to the text instead of through eleven buttons.
function rovingFocus(toolbar) {
  const items = Array.from(toolbar.querySelectorAll("button[data-cmd], input[type=file]"));
  const current = (item) => items.forEach((other) => { other.tabIndex = other === item ? 0 : -1; });
  current(items[0]);
  toolbar.addEventListener("focusin", (event) => {
    if (items.includes(event.target)) {
      current(event.target);
    }
  });
  toolbar.addEventListener("keydown", (event) => {
    const at = items.indexOf(document.activeElement);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: items.length - 1 }[event.key];
    if (at < 0 || next === undefined) {
      return;
    }
    event.preventDefault();
    items[(next + items.length) % items.length].focus();
  });
}
