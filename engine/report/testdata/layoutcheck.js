// Injected into a copy of a report by html_layout_test.go (the report
// itself has no script): opens every folded part, then writes into
// a pre element, id layout-check, one line per problem a reader would see: an SVG
// text outside its chart (clipped), two texts of a chart that overlap, a
// box whose content is wider than the box; and a count of what it checked.
(function () {
  const problems = [];
  const slack = 0.5; // pixels of rounding
  const name = (el) => JSON.stringify(el.textContent.trim().slice(0, 60));
  document.querySelectorAll("details").forEach((d) => { d.open = true; });
  let texts = 0, charts = 0;
  document.querySelectorAll("svg").forEach((svg) => {
    charts++;
    const box = svg.getBoundingClientRect();
    if (box.width < 1 || box.height < 1) problems.push("empty chart " + (svg.getAttribute("aria-label") || ""));
    const rects = [];
    svg.querySelectorAll("text").forEach((el) => {
      if (el.textContent.trim() === "") return;
      texts++;
      const r = el.getBoundingClientRect();
      if (r.left < box.left - slack || r.right > box.right + slack || r.top < box.top - slack || r.bottom > box.bottom + slack) {
        problems.push("clipped " + name(el) + " in " + JSON.stringify(svg.getAttribute("aria-label")));
      }
      for (const [other, o] of rects) {
        if (r.left < o.right - slack && o.left < r.right - slack && r.top < o.bottom - slack && o.top < r.bottom - slack) {
          problems.push("overlap " + name(other) + " and " + name(el) + " in " + JSON.stringify(svg.getAttribute("aria-label")));
        }
      }
      rects.push([el, r]);
    });
  });
  document.querySelectorAll(".tile, .card, figure, td, th").forEach((el) => {
    if (el.scrollWidth > el.clientWidth + 1) problems.push("overflow " + el.tagName.toLowerCase() + " " + name(el));
  });
  const words = document.body.innerText.trim().split(/\s+/).length;
  const pre = document.createElement("pre");
  pre.id = "layout-check";
  pre.textContent = ["checked " + texts + " texts in " + charts + " charts, " + words + " words"].concat(problems).join("\n");
  document.body.appendChild(pre);
})();
