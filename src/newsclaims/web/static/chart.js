// Draws the timeline chart from the spec in the page (a JSON data block, not a script),
// with Vega served by this server (/assets/vega.js): no CDN, works offline.
(function () {
  "use strict";
  var holder = document.getElementById("chart");
  var source = holder && document.getElementById(holder.getAttribute("data-spec"));
  if (!source || typeof vegaEmbed !== "function") { return; }
  var spec = JSON.parse(source.textContent);
  // ast: Vega-Embed evaluates expressions with its bundled interpreter, not eval(), so
  // the page needs no 'unsafe-eval' in its Content-Security-Policy.
  // A point's link (its evidence on the article page) opens in this tab.
  var options = {renderer: "svg", actions: false, defaultStyle: false, ast: true,
                 loader: {target: "_self"},
                 // Its styles are in style.css: an injected <style> breaks the CSP.
                 tooltip: {disableDefaultStyle: true}};
  vegaEmbed(holder, spec, options)
    .then(function () { holder.setAttribute("data-drawn", "true"); })
    .catch(function (error) {
      holder.setAttribute("data-error", String(error));
      holder.textContent = "The chart could not be drawn: " + error;
    });
})();
