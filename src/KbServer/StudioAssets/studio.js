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
