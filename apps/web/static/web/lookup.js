// A search box above each filter select too long to list (apps/web/filter_form.py): typing
// asks the API's list for matching names and puts them in the select to choose from.
(() => {
  "use strict";
  const DELAY_MS = 250;
  const SHOWN = 20;

  function attach(select) {
    const text = select.dataset;
    const box = document.createElement("input");
    box.type = "search";
    box.className = "lookup__box";
    box.placeholder = text.lookupLabel;
    box.setAttribute("aria-label", `${select.labels[0]?.textContent ?? ""} ${text.lookupLabel}`);
    box.setAttribute("aria-controls", select.id);
    box.autocomplete = "off";
    const status = document.createElement("p");
    status.className = "help";
    status.setAttribute("role", "status");
    status.id = `${select.id}_lookup_status`;
    // Screen readers read the count with the select as well as when it changes.
    const described = select.getAttribute("aria-describedby");
    select.setAttribute("aria-describedby", described ? `${described} ${status.id}` : status.id);
    select.before(box);
    select.after(status);

    let timer = null;
    let asked = 0;
    box.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => find(box.value.trim()), DELAY_MS);
    });
    // Enter in the box looks up at once instead of submitting the filters.
    box.addEventListener("keydown", (event) => {
      if (event.key !== "Enter") return;
      event.preventDefault();
      clearTimeout(timer);
      find(box.value.trim());
    });

    async function find(query) {
      if (!query) return;
      const ask = ++asked;
      const url = `${text.lookupUrl}?page_size=${SHOWN}&q=${encodeURIComponent(query)}`;
      try {
        const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
        if (!response.ok) throw new Error(String(response.status));
        const data = await response.json();
        if (ask === asked) fill(data.results, data.count);
      } catch {
        if (ask === asked) status.textContent = text.lookupFailed;
      }
    }

    function fill(results, count) {
      const chosen = select.value;
      const chosenLabel = select.selectedOptions[0]?.textContent;
      while (select.options.length > 1) select.remove(1);
      for (const record of results) select.add(new Option(record.name, String(record.id)));
      if (chosen && !results.some((record) => String(record.id) === chosen)) {
        select.add(new Option(chosenLabel, chosen), 1);
      }
      select.value = chosen;
      status.textContent = count === 0 ? text.lookupNone
        : (count > results.length ? text.lookupMore : text.lookupFound)
          .replace("{count}", count).replace("{shown}", results.length);
    }
  }

  document.querySelectorAll("select[data-lookup-url]").forEach(attach);
})();
