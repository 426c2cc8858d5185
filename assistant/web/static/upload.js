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

  form.addEventListener("submit", function (event) {
    const file = input.files[0];
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
