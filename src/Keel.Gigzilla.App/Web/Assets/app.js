// Gigzilla's live parts: the quick-entry preview, keyboard focus, drag and drop on the pipeline, settings autosave.
(() => {
  "use strict";
  const quick = document.getElementById("quick");
  const preview = document.getElementById("quick-preview");

  // "/" and Ctrl/Cmd+K focus the quick entry from anywhere but another text field.
  document.addEventListener("keydown", (event) => {
    const typing = event.target instanceof HTMLElement && event.target.matches("input, textarea, select");
    if (((event.key === "/" && !typing) || (event.key.toLowerCase() === "k" && (event.ctrlKey || event.metaKey))) && quick) {
      event.preventDefault();
      quick.focus();
      quick.select();
    }
  });

  // Live parse preview: what would be created, as the user types.
  if (quick && preview) {
    let timer = 0;
    let latest = 0;
    quick.addEventListener("input", () => {
      clearTimeout(timer);
      const text = quick.value.trim();
      if (!text) { preview.textContent = ""; preview.classList.remove("shown"); return; }
      timer = setTimeout(async () => {
        const asked = ++latest;
        const response = await fetch("/api/parse?text=" + encodeURIComponent(text), { headers: { Accept: "application/json" } });
        if (!response.ok || asked !== latest) return;
        const parsed = await response.json();
        preview.replaceChildren();
        if (!parsed.summary) { preview.classList.remove("shown"); return; }
        const fields = [["Title", parsed.title], ["Client", parsed.client], ["Amount", parsed.amount === null ? null : parsed.amount + " " + parsed.currency], ["Due", parsed.deadline]];
        const line = document.createElement("div");
        line.className = "summary";
        line.textContent = parsed.summary;
        preview.append(line);
        for (const [name, value] of fields) {
          const chip = document.createElement("span");
          chip.className = "chip" + (value ? "" : " missing");
          chip.dataset.field = name.toLowerCase();
          chip.textContent = name + ": " + (value ?? "—");
          preview.append(chip);
        }
        const hint = document.createElement("small");
        hint.textContent = " Enter to add";
        preview.append(hint);
        preview.classList.add("shown");
      }, 120);
    });
  }

  // Pipeline: drag a card onto another column; the drop posts the move (the server answers with the page again).
  const moveForm = document.getElementById("move-form");
  if (moveForm) {
    for (const card of document.querySelectorAll(".card[draggable]")) {
      card.addEventListener("dragstart", (event) => {
        event.dataTransfer.setData("text/plain", card.dataset.id);
        event.dataTransfer.effectAllowed = "move";
        card.classList.add("dragging");
      });
      card.addEventListener("dragend", () => card.classList.remove("dragging"));
    }
    for (const column of document.querySelectorAll(".column")) {
      column.addEventListener("dragover", (event) => { event.preventDefault(); column.classList.add("over"); });
      column.addEventListener("dragleave", () => column.classList.remove("over"));
      column.addEventListener("drop", (event) => {
        event.preventDefault();
        column.classList.remove("over");
        const id = event.dataTransfer.getData("text/plain");
        const card = document.getElementById("p-" + id);
        if (!id || !card || card.closest(".column") === column) return;
        moveForm.elements.id.value = id;
        moveForm.elements.to.value = column.dataset.status;
        moveForm.submit();
      });
    }
  }

  // Settings: every field saves as soon as it changes.
  for (const form of document.querySelectorAll("form.autosave")) {
    const status = form.querySelector(".saved");
    const save = async () => {
      status.textContent = "Saving…";
      status.className = "saved";
      const response = await fetch(form.action, { method: "POST", body: new FormData(form), headers: { Accept: "application/json" } });
      const answer = await response.json().catch(() => ({ saved: false, error: "Not saved." }));
      status.textContent = answer.saved ? "Saved" : answer.error;
      status.className = answer.saved ? "saved ok" : "saved error";
    };
    form.addEventListener("change", save);
    form.addEventListener("submit", (event) => { event.preventDefault(); save(); });
  }

  for (const button of document.querySelectorAll("button[data-confirm]")) {
    button.addEventListener("click", (event) => { if (!confirm(button.dataset.confirm)) event.preventDefault(); });
  }
})();
