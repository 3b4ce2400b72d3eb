// Studio-wide behaviour.
document.documentElement.classList.add("js");

// On narrow screens the navigation folds behind a Menu button; without JavaScript it simply stays open.
const navToggle = document.querySelector(".nav-toggle");
const nav = document.getElementById("studio-nav");
if (navToggle && nav) {
  navToggle.hidden = false;
  navToggle.addEventListener("click", () => {
    const open = nav.classList.toggle("open");
    navToggle.setAttribute("aria-expanded", String(open));
  });
}

// Signing out forgets editor drafts kept in this browser: they may hold internal text.
document.addEventListener("submit", (event) => {
  if (event.target.matches("form.signout")) {
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith("kb-draft:")) {
        localStorage.removeItem(key);
      }
    }
  }
});

// Change requests: clicking a line number of a diff picks that line for the file's comment form.
document.addEventListener("click", (event) => {
  const button = event.target.closest("button.line-link");
  const form = button?.closest("section.change-file")?.querySelector("form.comment-form");
  if (!form) {
    return;
  }

  form.querySelector("input[name=line]").value = button.dataset.line;
  for (const row of button.closest("table").querySelectorAll("tr.picked")) {
    row.classList.remove("picked");
  }

  button.closest("tr").classList.add("picked");
  const text = form.querySelector("textarea");
  text.focus();
  form.scrollIntoView({ block: "nearest" });
});

// Copy buttons (an invitation link is ~400 characters): shown only where the clipboard can be written.
for (const button of document.querySelectorAll("button[data-copy]")) {
  if (!navigator.clipboard) {
    continue;
  }

  button.hidden = false;
  button.addEventListener("click", async () => {
    const source = document.querySelector(button.dataset.copy);
    const status = button.parentElement.querySelector("[data-copy-status]");
    try {
      await navigator.clipboard.writeText(source.textContent.trim());
      if (status) {
        status.textContent = "Copied.";
      }
    } catch {
      if (status) {
        status.textContent = "Select the link and copy it.";
      }
    }
  });
}
