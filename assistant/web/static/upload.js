// The upload form: drag and drop onto the drop zone, a size check before sending, a busy button.
(function () {
  "use strict";
  const form = document.getElementById("upload-form");
  if (!form) return;
  const input = document.getElementById("file");
  const zone = document.getElementById("dropzone");
  const label = document.getElementById("dropzone-file");
  const paste = document.getElementById("paste");
  const button = document.getElementById("submit");
  const maxBytes = Number(form.dataset.maxBytes);

  function showError(message) {
    let box = document.getElementById("upload-error");
    if (!box) {
      box = document.createElement("p");
      box.id = "upload-error";
      box.className = "alert";
      box.setAttribute("role", "alert");
      form.parentNode.insertBefore(box, form);
    }
    box.textContent = message;
  }

  function showChosen() {
    const file = input.files[0];
    label.textContent = file ? file.name + "（" + (file.size / 1024).toFixed(1) + " KB）" : "尚未选择文件";
    zone.classList.toggle("chosen", Boolean(file));
  }

  ["dragenter", "dragover"].forEach(function (type) {
    zone.addEventListener(type, function (event) {
      event.preventDefault();
      zone.classList.add("dragging");
    });
  });
  ["dragleave", "drop"].forEach(function (type) {
    zone.addEventListener(type, function () { zone.classList.remove("dragging"); });
  });
  zone.addEventListener("drop", function (event) {
    event.preventDefault();
    if (event.dataTransfer.files.length) {
      input.files = event.dataTransfer.files;
      showChosen();
    }
  });
  input.addEventListener("change", showChosen);

  // A copy out of a browser, Word or Excel carries the table as HTML beside its plain text; the plain text loses
  // which line break ends a row and which one breaks a cell. The HTML is sent with the text while the box holds
  // exactly what was pasted, and dropped as soon as the reviewer edits it (then the text is the report).
  const pastedPage = document.getElementById("paste-html");
  const kept = document.getElementById("paste-kept");
  let pastedText = null;
  function keepPage(page, text) {
    pastedPage.value = page;
    pastedText = page ? text.replace(/\r\n?/g, "\n") : null;
    kept.hidden = !page;
  }
  keepPage("", "");  // a page the browser restores (back, reload) keeps no clipboard of an earlier paste
  paste.addEventListener("paste", function (event) {
    const page = event.clipboardData ? event.clipboardData.getData("text/html") : "";
    const text = event.clipboardData ? event.clipboardData.getData("text/plain") : "";
    const whole = paste.selectionStart === 0 && paste.selectionEnd === paste.value.length;
    keepPage(whole && /<table[\s>]/i.test(page) ? page : "", text);
  });
  paste.addEventListener("input", function (event) {
    if (event.inputType !== "insertFromPaste" && pastedText !== null && paste.value !== pastedText) keepPage("", "");
  });

  form.addEventListener("submit", function (event) {
    const file = input.files[0];
    if (pastedText === null || paste.value !== pastedText) keepPage("", "");
    if (!file && !paste.value.trim()) {
      event.preventDefault();
      showError("请选择要上传的报告文件，或粘贴报告全文。");
      return;
    }
    if (file && file.size > maxBytes) {
      event.preventDefault();
      showError("文件过大（" + (file.size / 1048576).toFixed(1) + " MB），上限为 " + maxBytes / 1048576 + " MB。");
      return;
    }
    button.disabled = true;
    button.textContent = "正在上传…";
  });
})();
