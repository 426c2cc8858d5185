// The report page: tabs, the source pane (loaded on demand, tables shown as tables), highlighting
// evidence in it, moving between findings with the keyboard, saving drafts, asking questions, and
// waiting for a review that is still running. Report text is only ever inserted with textContent.
(function () {
  "use strict";
  const root = document.getElementById("report");
  if (!root) return;
  const reportId = root.dataset.id;

  // ---- The source pane: a window of lines and tables, fetched from /api/reports/{id}/source.
  const source = document.getElementById("source");
  const WINDOW = 400;
  let loaded = null;  // {start, end, count}: the lines shown
  let loading = Promise.resolve();

  function lineBlock(block) {
    const line = document.createElement("div");
    line.className = "src-line";
    line.id = "L" + block.line;
    line.dataset.line = block.line;
    const number = document.createElement("span");
    number.className = "ln";
    number.textContent = block.line;
    const text = document.createElement("span");
    text.className = "tx";
    text.textContent = block.text;
    line.append(number, text);
    return line;
  }

  function tableBlock(block) {
    const box = document.createElement("div");
    box.className = "src-table";
    const table = document.createElement("table");
    table.className = "grid src-grid";
    const numbered = new Set();
    block.rows.forEach(function (cells) {
      const row = document.createElement("tr");
      row.className = "src-line";
      const line = cells.length ? cells[0].line : block.first;
      row.dataset.line = line;
      if (!numbered.has(line)) { row.id = "L" + line; numbered.add(line); }
      const number = document.createElement("th");
      number.className = "ln";
      number.textContent = line;
      row.appendChild(number);
      cells.forEach(function (cell) {
        const td = document.createElement("td");
        td.className = "tx";
        td.textContent = cell.text;
        td.dataset.line = cell.line;
        if (cell.where) { td.dataset.where = cell.where; td.title = cell.where; }
        if (cell.rowspan > 1) td.rowSpan = cell.rowspan;
        if (cell.colspan > 1) td.colSpan = cell.colspan;
        row.appendChild(td);
      });
      table.appendChild(row);
    });
    box.dataset.first = block.first;
    box.dataset.last = block.last;
    box.appendChild(table);
    return box;
  }

  function moreButton(label, start, end, where) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "button small src-more";
    button.textContent = label;
    button.addEventListener("click", function () { extend(start, end, where); });
    return button;
  }

  async function fetchSource(start, end) {
    const response = await fetch(source.dataset.url + "?start=" + start + "&end=" + end,
      { headers: { "Accept": "application/json" } });
    if (!response.ok) throw new Error("原文载入失败（" + response.status + "）");
    return response.json();
  }

  function rendered(blocks) {
    const fragment = document.createDocumentFragment();
    blocks.forEach(function (block) {
      fragment.appendChild(block.kind === "table" ? tableBlock(block) : lineBlock(block));
    });
    return fragment;
  }

  function span(blocks, start, end) {
    if (!blocks.length) return { start: start, end: end };
    const first = blocks[0], last = blocks[blocks.length - 1];
    return { start: Math.min(start, first.first || first.line), end: Math.max(end, last.last || last.line) };
  }

  function updateButtons() {
    source.querySelectorAll(".src-more").forEach(function (button) { button.remove(); });
    if (loaded.start > 1) {
      source.prepend(moreButton("载入前面的原文", Math.max(1, loaded.start - WINDOW), loaded.start - 1, "before"));
    }
    if (loaded.end < loaded.count) {
      source.append(moreButton("载入后面的原文", loaded.end + 1, loaded.end + WINDOW, "after"));
    }
  }

  // Show lines start..end in place of what is shown.
  function show(start, end) {
    loading = loading.then(async function () {
      source.setAttribute("aria-busy", "true");
      try {
        const body = await fetchSource(start, end);
        source.replaceChildren(rendered(body.blocks));
        loaded = Object.assign(span(body.blocks, start, Math.min(end, body.line_count)), { count: body.line_count });
        updateButtons();
      } catch (error) {
        source.replaceChildren(document.createTextNode(error.message));
      } finally {
        source.setAttribute("aria-busy", "false");
      }
    });
    return loading;
  }

  // Add lines before or after what is shown.
  function extend(start, end, where) {
    loading = loading.then(async function () {
      const body = await fetchSource(start, end);
      const fresh = body.blocks.filter(function (block) {
        return (block.last || block.line) < loaded.start || (block.first || block.line) > loaded.end;
      });
      const reach = span(fresh, start, Math.min(end, body.line_count));
      if (where === "before") {
        source.querySelector(".src-more") ? source.querySelector(".src-more").after(rendered(fresh)) : source.prepend(rendered(fresh));
        loaded.start = Math.min(loaded.start, reach.start);
      } else {
        source.append(rendered(fresh));
        loaded.end = Math.max(loaded.end, reach.end);
      }
      updateButtons();
    });
    return loading;
  }

  async function ensureShown(lines) {
    await loading;
    const low = Math.min.apply(null, lines), high = Math.max.apply(null, lines);
    if (loaded && low >= loaded.start && high <= loaded.end) return;
    const end = high - low < WINDOW ? high : low;
    await show(Math.max(1, low - 40), end + WINDOW - 40);
  }

  // The element showing a line: its own, or the table row it falls in.
  function lineElement(line) {
    const own = document.getElementById("L" + line);
    if (own) return own;
    let found = null;
    source.querySelectorAll(".src-table").forEach(function (table) {
      if (Number(table.dataset.first) <= line && line <= Number(table.dataset.last)) {
        table.querySelectorAll("tr.src-line").forEach(function (row) {
          if (Number(row.dataset.line) <= line) found = row;
        });
      }
    });
    return found;
  }

  function clearHighlight() {
    source.querySelectorAll(".hl, .hl-first, .hl-cell").forEach(function (element) {
      element.classList.remove("hl", "hl-first", "hl-cell");
    });
    source.querySelectorAll("mark").forEach(function (mark) { mark.replaceWith(document.createTextNode(mark.textContent)); });
    source.querySelectorAll(".tx").forEach(function (tx) { tx.normalize(); });
    document.querySelectorAll(".selected").forEach(function (item) { item.classList.remove("selected"); });
    document.getElementById("source-where").textContent = "";
  }

  function markIn(element, quote) {
    const text = element.firstChild;
    if (!quote || !text || text.nodeType !== Node.TEXT_NODE) return false;
    const start = text.data.indexOf(quote);
    if (start < 0) return false;
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, start + quote.length);
    range.surroundContents(document.createElement("mark"));
    return true;
  }

  // Mark the quote in a line, or the table cell that holds it (the evidence cell: on the quoted line
  // and containing the quote, else the first cell on that line).
  function markQuote(element, quote, line) {
    if (!element.matches("tr")) { markIn(element.querySelector(".tx"), quote); return; }
    const cells = Array.from(element.querySelectorAll("td.tx"));
    const onLine = cells.filter(function (cell) { return Number(cell.dataset.line) === line; });
    const pool = onLine.length ? onLine : cells;
    const cell = pool.find(function (c) { return quote && c.textContent.includes(quote); })
      || pool.find(function (c) { return quote && c.textContent.trim() && quote.includes(c.textContent.trim()); })
      || onLine[0];
    if (!cell) return;
    cell.classList.add("hl-cell");
    markIn(cell, quote);
    const where = document.getElementById("source-where");
    if (cell.dataset.where && !where.textContent) where.textContent = "原文位置：" + cell.dataset.where;
  }

  // Highlight source lines (and the quoted words or cells in them) and bring the first into view.
  // Calls run one after another and only the latest is drawn: pressing j twice must not let the source
  // fetched for the first finding arrive late and paint over the second. Resolves true when drawn.
  let highlighting = Promise.resolve(true), turns = 0;
  function highlight(places) {
    const turn = ++turns;
    highlighting = highlighting.catch(function () { return false; }).then(async function () {
      if (turn !== turns) return false;
      await draw(places);
      return turn === turns;
    });
    return highlighting;
  }

  async function draw(places) {
    const lines = places.map(function (place) { return Number(place.line); }).filter(Boolean);
    if (!lines.length) return;
    await ensureShown(lines);
    clearHighlight();
    let first = null;
    places.forEach(function (place) {
      const element = lineElement(Number(place.line));
      if (!element) return;
      element.classList.add("hl");
      markQuote(element, place.quote, Number(place.line));
      if (!first) first = element;
    });
    if (first) {
      first.classList.add("hl-first");
      source.scrollTop = first.offsetTop - source.clientHeight / 3;
      if (window.matchMedia("(max-width: 1000px)").matches) first.scrollIntoView({ block: "center" });
    }
  }

  function placesOf(element) {
    return Array.from(element.querySelectorAll(".ev[data-line]")).map(function (link) {
      return { line: link.dataset.line, quote: link.dataset.quote };
    });
  }

  document.addEventListener("click", function (event) {
    const link = event.target.closest(".ev[data-line]");
    if (link) {
      event.preventDefault();
      const item = link.closest(".finding");
      highlight([{ line: link.dataset.line, quote: link.dataset.quote }]).then(function (drawn) {
        if (drawn && item) item.classList.add("selected");
      });
      history.replaceState(null, "", "#L" + link.dataset.line);
      return;
    }
    const item = event.target.closest(".finding, tr.linked[data-line]");
    if (item && !event.target.closest("a, button, textarea, input")) select(item);
  });

  function select(item) {
    highlight(item.matches("tr") ? [{ line: item.dataset.line }] : placesOf(item)).then(function (drawn) {
      if (drawn) item.classList.add("selected");
    });
  }

  // ---- Keyboard: j / ↓ next finding, k / ↑ previous; Enter opens the focused one.
  document.addEventListener("keydown", function (event) {
    if (event.target.closest("input, textarea, select, [contenteditable]") || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "Enter" && event.target.matches(".finding")) { select(event.target); return; }
    const step = { j: 1, ArrowDown: 1, k: -1, ArrowUp: -1 }[event.key];
    const panel = document.getElementById("tab-findings");
    if (!step || !panel || panel.hidden) return;
    const findings = Array.from(panel.querySelectorAll(".finding"));
    if (!findings.length) return;
    event.preventDefault();
    const current = findings.indexOf(document.activeElement.closest ? document.activeElement.closest(".finding") : null);
    const next = findings[current < 0 ? (step > 0 ? 0 : findings.length - 1)
      : Math.min(findings.length - 1, Math.max(0, current + step))];
    next.focus();
    next.scrollIntoView({ block: "nearest" });
    select(next);
  });

  // ---- Deleting the review (its file, results, drafts and chat) asks first.
  const deleteForm = document.getElementById("delete-form");
  if (deleteForm) {
    deleteForm.addEventListener("submit", function (event) {
      if (!confirm("删除后，原文件、审核结果、草稿修改和问答记录都将无法恢复。确定删除吗？")) event.preventDefault();
    });
  }

  // ---- Tabs.
  function openTab(name) {
    document.querySelectorAll("[data-tab]").forEach(function (other) {
      if (!other.matches("button")) return;
      other.setAttribute("aria-selected", String(other.dataset.tab === name));
      document.getElementById("tab-" + other.dataset.tab).hidden = other.dataset.tab !== name;
    });
  }
  document.querySelectorAll("button[data-tab]").forEach(function (button) {
    button.addEventListener("click", function () { openTab(button.dataset.tab); });
  });
  if (root.dataset.tab && document.getElementById("tab-" + root.dataset.tab)) openTab(root.dataset.tab);

  async function send(method, url, body) {
    const response = await fetch(url, {
      method: method,
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify(body),
    });
    const payload = await response.json().catch(function () { return {}; });
    if (!response.ok) throw new Error(payload.detail || "请求失败（" + response.status + "）");
    return payload;
  }

  // ---- Drafts: save both fields of one draft.
  document.querySelectorAll(".draft").forEach(function (draft) {
    const state = draft.querySelector(".save-state");
    draft.querySelector(".save-draft").addEventListener("click", async function () {
      state.textContent = "正在保存…";
      state.className = "save-state";
      try {
        await send("PUT", "/api/reports/" + reportId + "/drafts/" + draft.dataset.index, {
          deviation_cause: draft.querySelector("[name=deviation_cause]").value,
          improvement: draft.querySelector("[name=improvement]").value,
        });
        state.textContent = "已保存 " + new Date().toLocaleTimeString("zh-CN");
        state.classList.add("ok");
      } catch (error) {
        state.textContent = error.message;
        state.classList.add("failed");
      }
    });
    draft.querySelectorAll("textarea").forEach(function (area) {
      area.addEventListener("input", function () { state.textContent = "有未保存的修改"; state.className = "save-state"; });
    });
  });

  // ---- Chat: one question at a time; the input is disabled while an answer is pending, and a
  // question is moved into the log as soon as it is sent, so nothing typed is ever cleared unseen.
  const askForm = document.getElementById("ask-form");
  function bubble(kind, text) {
    const box = document.createElement("div");
    box.className = "msg " + kind;
    const paragraph = document.createElement("p");
    paragraph.textContent = text;
    box.appendChild(paragraph);
    document.getElementById("chat-log").appendChild(box);
    box.scrollIntoView({ block: "nearest" });
    return box;
  }
  function evidenceLinks(evidence) {
    const paragraph = document.createElement("p");
    paragraph.className = "evidence-inline";
    const seen = new Set();
    (evidence || []).filter(function (item) { return item.line && !seen.has(item.line) && seen.add(item.line); })
      .forEach(function (item) {
        const link = document.createElement("a");
        link.className = "ev";
        link.href = "#L" + item.line;
        link.dataset.line = item.line;
        link.dataset.quote = item.quote;
        link.textContent = "第 " + item.line + " 行";
        paragraph.append(link, " ");
      });
    return paragraph;
  }
  if (askForm) {
    const input = askForm.querySelector("input[name=question]");
    const button = askForm.querySelector("button");
    askForm.addEventListener("submit", async function (event) {
      event.preventDefault();
      const question = input.value.trim();
      if (!question || askForm.getAttribute("aria-busy") === "true") return;
      askForm.setAttribute("aria-busy", "true");
      input.disabled = button.disabled = true;
      input.value = "";
      bubble("question", question);
      const pending = bubble("answer pending", "正在查找…");
      try {
        const answer = await send("POST", askForm.dataset.url, { question: question });
        pending.classList.remove("pending");
        pending.firstChild.textContent = answer.answer;
        pending.appendChild(evidenceLinks(answer.evidence));
      } catch (error) {
        pending.classList.replace("pending", "failed");
        pending.firstChild.textContent = error.message;
        if (!input.value) input.value = question;
      } finally {
        input.disabled = button.disabled = false;
        askForm.setAttribute("aria-busy", "false");
        input.focus();
      }
    });
  }

  // ---- A review still running: show its stage, reload when it is done.
  const progress = document.getElementById("progress");
  if (progress) {
    const poll = async function () {
      try {
        const response = await fetch(progress.dataset.statusUrl, { headers: { "Accept": "application/json" } });
        const status = await response.json();
        if (status.status !== "running") { location.reload(); return; }
        if (status.progress) {
          document.getElementById("progress-stage").textContent = status.progress.stage_label;
          document.getElementById("progress-elapsed").textContent = Math.round(status.progress.elapsed_seconds);
        }
      } catch (error) {
        document.getElementById("progress-stage").textContent = "暂时无法获取进度，正在重试…";
      }
      setTimeout(poll, 800);
    };
    setTimeout(poll, 400);
  }

  if (source) {
    const target = /^#L(\d+)$/.exec(location.hash);
    if (target) highlight([{ line: target[1] }]);
    else show(1, WINDOW);
  }
})();
