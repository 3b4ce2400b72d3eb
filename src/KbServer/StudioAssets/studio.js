// Studio-wide behaviour. Signing out forgets editor drafts kept in this browser: they may hold internal text.
document.addEventListener("submit", (event) => {
  if (event.target.matches("form.signout")) {
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith("kb-draft:")) {
        localStorage.removeItem(key);
      }
    }
  }
});
