// Draws the dashboard's charts: every .chart element carries its data in data-spec (see
// chart in view.go); when ECharts has finished drawing, the element gets data-drawn="1".
(function () {
  "use strict";
  var palette = ["#b3261e", "#1f6feb", "#2da44e", "#bf8700", "#8250df", "#57606a"];

  function pctLabel(v) { return (v * 100).toFixed(1) + "%"; }

  function option(spec) {
    var horizontal = spec.kind === "hbar";
    var valueAxis = { type: "value", axisLabel: {} };
    if (spec.percent) { valueAxis.max = 1; valueAxis.axisLabel.formatter = pctLabel; }
    else if (spec.unit) { valueAxis.axisLabel.formatter = "{value} " + spec.unit; }
    var crowded = !horizontal && spec.x.length > 8 && spec.kind !== "line";
    var catAxis = { type: "category", data: spec.x, axisLabel: { interval: crowded ? 0 : "auto", hideOverlap: !crowded, rotate: crowded ? 35 : 0 } };
    return {
      color: palette,
      animation: false,
      textStyle: { fontFamily: "KioskSans, 'Noto Sans CJK SC', sans-serif" },
      tooltip: { trigger: "axis", valueFormatter: spec.percent ? pctLabel : undefined },
      legend: { top: 0, show: spec.series.length > 1 },
      grid: { left: 24, right: 32, top: spec.series.length > 1 ? 40 : 16, bottom: 40, containLabel: true },
      dataZoom: !horizontal && spec.x.length > 40 ? [{ type: "slider", height: 18, bottom: 4 }] : [],
      xAxis: horizontal ? valueAxis : catAxis,
      yAxis: horizontal ? Object.assign(catAxis, { inverse: true }) : valueAxis,
      series: spec.series.map(function (s) {
        return {
          name: s.name, type: spec.kind === "line" ? "line" : "bar", data: s.data,
          stack: spec.stack ? "all" : undefined, smooth: false, showSymbol: spec.x.length <= 40,
          barMaxWidth: 36,
          label: { show: spec.kind !== "line" && spec.x.length <= 12, position: horizontal ? "right" : "top",
                   formatter: spec.percent ? function (p) { return pctLabel(p.value); } : undefined }
        };
      })
    };
  }

  function draw() {
    if (!window.echarts) { return; }
    var charts = [];
    document.querySelectorAll(".chart[data-spec]").forEach(function (el) {
      var spec = JSON.parse(el.getAttribute("data-spec"));
      var chart = echarts.init(el, null, { renderer: "canvas" });
      chart.on("finished", function () { el.setAttribute("data-drawn", "1"); });
      chart.setOption(option(spec));
      charts.push(chart);
    });
    window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
  }
  // Draw once the bundled font is loaded: ECharts measures labels when it lays out.
  function start() {
    var loaded = document.fonts && document.fonts.load ? document.fonts.load("14px KioskSans", "参观") : Promise.resolve();
    loaded.then(draw, draw);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
