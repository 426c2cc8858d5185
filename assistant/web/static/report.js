// The report page: tabs, severity filters, highlighting evidence in the source, saving drafts,
// asking questions, and waiting for a review that is still running. Report text is only ever
// inserted with textContent, never as HTML.
(function () {
  "use strict";
  const root = document.getElementById("report");
  if (!root) return;
  const reportId = root.dataset.id;

  function clearHighlight() {
    document.querySelectorAll(".src-line.hl").forEach(function (line) { line.classList.remove("hl", "hl-first"); });
    document.querySelectorAll(".src-line mark").forEach(function (mark) {
      mark.replaceWith(document.createTextNode(mark.textContent));
    });
    document.querySelectorAll(".src-line .tx").forEach(function (tx) { tx.normalize(); });
    document.querySelectorAll(".selected").forEach(function (item) { item.classList.remove("selected"); });
  }

  function markQuote(line, quote) {
    const tx = line.querySelector(".tx");
    const text = tx.firstChild;
    if (!quote || !text || text.nodeType !== Node.TEXT_NODE) return;
    const start = text.data.indexOf(quote);
    if (start < 0) return;
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, start + quote.length);
    range.surroundContents(document.createElement("mark"));
  }

  // Highlight source lines (and the quoted words in them) and bring the first into view.
  function highlight(places) {
    clearHighlight();
    let first = null;
    places.forEach(function (place) {
      const line = document.getElementById("L" + place.line);
      if (!line) return;
      line.classList.add("hl");
      markQuote(line, place.quote);
      if (!first) first = line;
    });
    if (first) {
      first.classList.add("hl-first");
      const pane = document.getElementById("source");
      pane.scrollTop = first.offsetTop - pane.clientHeight / 3;
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
      highlight([{ line: link.dataset.line, quote: link.dataset.quote }]);
      history.replaceState(null, "", "#L" + link.dataset.line);
      return;
    }
    const item = event.target.closest(".finding, tr.linked[data-line]");
    if (item && !event.target.closest("a, button, textarea, input")) {
      highlight(item.matches("tr") ? [{ line: item.dataset.line }] : placesOf(item));
      item.classList.add("selected");
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && event.target.matches(".finding")) event.target.click();
  });

  // Tabs and severity filters.
  document.querySelectorAll("[data-tab]").forEach(function (button) {
    button.addEventListener("click", function () {
      document.querySelectorAll("[data-tab]").forEach(function (other) {
        other.setAttribute("aria-selected", String(other === button));
        document.getElementById("tab-" + other.dataset.tab).hidden = other !== button;
      });
    });
  });
  document.querySelectorAll("[data-filter]").forEach(function (button) {
    button.addEventListener("click", function () {
      document.querySelectorAll("[data-filter]").forEach(function (other) { other.classList.toggle("active", other === button); });
      document.querySelectorAll(".finding").forEach(function (finding) {
        finding.hidden = button.dataset.filter !== "all" && finding.dataset.severity !== button.dataset.filter;
      });
    });
  });

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

  // Drafts: save both fields of one draft.
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

  // Chat.
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
  if (askForm) {
    askForm.addEventListener("submit", async function (event) {
      event.preventDefault();
      const input = askForm.querySelector("input[name=question]");
      const button = askForm.querySelector("button");
      const question = input.value.trim();
      if (!question) return;
      bubble("question", question);
      const pending = bubble("answer pending", "正在查找…");
      button.disabled = true;
      try {
        const answer = await send("POST", askForm.dataset.url, { question: question });
        pending.classList.remove("pending");
        pending.firstChild.textContent = answer.answer;
        const evidence = document.createElement("p");
        evidence.className = "evidence-inline";
        (answer.evidence || []).filter(function (item) { return item.line; }).forEach(function (item) {
          const link = document.createElement("a");
          link.className = "ev";
          link.href = "#L" + item.line;
          link.dataset.line = item.line;
          link.dataset.quote = item.quote;
          link.textContent = "第 " + item.line + " 行";
          evidence.append(link, " ");
        });
        pending.appendChild(evidence);
        input.value = "";
      } catch (error) {
        pending.classList.replace("pending", "failed");
        pending.firstChild.textContent = error.message;
      } finally {
        button.disabled = false;
        input.focus();
      }
    });
  }

  // A review still running: show its stage, reload when it is done.
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

  const target = /^#L(\d+)$/.exec(location.hash);
  if (target) highlight([{ line: target[1] }]);
})();
