// ReviewServer: static assets. The page's one script (progressive: drag and drop, explanations on click) and its style sheet.
enum Assets {
    /// Drag and drop onto the upload zone, the chosen files' names, and the explanation of a finding
    /// shown beside the marked text when it is clicked. Text is set with textContent, never as HTML.
    static let script = #"""
    "use strict";
    document.addEventListener("DOMContentLoaded", function () {
      var drop = document.getElementById("drop");
      var input = document.getElementById("file");
      var chosen = document.getElementById("chosen");
      function show() {
        if (!input || !chosen) return;
        var names = [];
        for (var i = 0; i < input.files.length; i++) names.push(input.files[i].name);
        chosen.textContent = names.join(", ");
      }
      if (drop && input) {
        input.addEventListener("change", show);
        ["dragenter", "dragover"].forEach(function (type) {
          drop.addEventListener(type, function (event) { event.preventDefault(); drop.classList.add("over"); });
        });
        ["dragleave", "drop"].forEach(function (type) {
          drop.addEventListener(type, function () { drop.classList.remove("over"); });
        });
        drop.addEventListener("drop", function (event) {
          event.preventDefault();
          if (event.dataTransfer && event.dataTransfer.files.length) { input.files = event.dataTransfer.files; show(); }
        });
      }
      var box = document.createElement("div");
      box.id = "explain";
      box.setAttribute("role", "status");
      box.hidden = true;
      document.body.appendChild(box);
      document.addEventListener("click", function (event) {
        var mark = event.target.closest ? event.target.closest("a.mark") : null;
        if (!mark) { box.hidden = true; return; }
        event.preventDefault();
        var item = document.getElementById(mark.getAttribute("data-finding"));
        if (!item) return;
        document.querySelectorAll(".findings li.active").forEach(function (li) { li.classList.remove("active"); });
        item.classList.add("active");
        box.textContent = item.textContent;
        var rect = mark.getBoundingClientRect();
        box.style.top = (window.scrollY + rect.bottom + 6) + "px";
        box.style.left = (window.scrollX + Math.max(8, rect.left)) + "px";
        box.hidden = false;
      });
    });
    """#

    static let style = """
    body{font:16px/1.5 system-ui,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
    header{display:flex;justify-content:space-between;align-items:center;padding:.6rem 1.2rem;background:#8b1a1a;color:#fff}
    header a{color:#fff;text-decoration:none}.brand{font-weight:700}
    main{max-width:72rem;margin:0 auto;padding:1rem 1.2rem}
    .drop{border:2px dashed #999;border-radius:8px;padding:1.5rem;margin:1rem 0;text-align:center;background:#fff}
    .drop.over{border-color:#8b1a1a;background:#fff3f0}
    .muted{color:#666}.error{color:#a40000;font-weight:600}
    button{font-size:1rem;padding:.5rem 1.4rem;background:#8b1a1a;color:#fff;border:0;border-radius:4px;cursor:pointer}
    select{font-size:1rem;margin:.3rem 0 1rem;max-width:100%}label{display:block;font-weight:600}
    table{border-collapse:collapse;width:100%;background:#fff;margin:.5rem 0 1rem}
    th,td{border:1px solid #ddd;padding:.35rem .5rem;vertical-align:top;text-align:left}
    td.met,tr.met td:first-child{color:#176117}td.partial,tr.partial td:first-child{color:#8a5a00}td.missing,tr.missing td:first-child{color:#a40000}
    .verdict.met strong{color:#176117}.verdict.missing strong{color:#a40000}
    .clause{margin:0 0 .3rem;padding-left:.6rem;border-left:3px solid #ccc;color:#444;font-style:italic}
    .evidence{color:#444;font-size:.9rem;margin:0}
    .scroll{overflow-x:auto}.report{border-top:2px solid #ddd;margin-top:1.5rem}
    pre.text{white-space:pre-wrap;background:#fff;border:1px solid #ddd;padding:1rem;font:15px/1.6 Georgia,serif}
    a.mark{background:#fff2a8;color:inherit;text-decoration:none;border-bottom:2px solid #d9a400;cursor:pointer}
    a.mark.error{background:#ffd9d9;border-color:#a40000}a.mark.info{background:#e3f0ff;border-color:#3a6fb0}
    .findings li.active{background:#fff2a8}.sev{font-weight:600}
    #explain{position:absolute;max-width:32rem;background:#222;color:#fff;padding:.6rem .8rem;border-radius:6px;box-shadow:0 2px 8px #0005;z-index:10}
    .downloads a{display:inline-block;margin:.2rem .6rem .2rem 0;padding:.3rem .7rem;border:1px solid #8b1a1a;border-radius:4px;color:#8b1a1a;text-decoration:none}
    """
}
