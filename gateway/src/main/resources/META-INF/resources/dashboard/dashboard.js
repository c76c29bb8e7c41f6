// The dashboard calls the reports API through the gateway with the user's own token; the token
// stays in this tab's sessionStorage and is never sent anywhere else. The Content-Security-Policy
// of /dashboard/* allows scripts from this origin only, so everything lives in this file.
(function () {
  "use strict";

  const TOKEN_KEY = "fupin.token";
  // Currently poor first (POOR, RETURNED, EXIT_PENDING), so that the red part of a stack is the gap.
  const STATUSES = [
    { key: "POOR", en: "Poor", zh: "貧困", color: "#c0392b" },
    { key: "RETURNED", en: "Returned", zh: "返貧", color: "#7b1712" },
    { key: "EXIT_PENDING", en: "Exit pending", zh: "公示中", color: "#e67e22" },
    { key: "EXITED", en: "Exited", zh: "已脫貧", color: "#2e8b57" },
    { key: "MONITORED", en: "Monitored", zh: "監測", color: "#d4ac0d" },
    { key: "NOT_POOR", en: "Not poor", zh: "非貧困", color: "#95a5a6" },
    { key: "REMOVED", en: "Removed", zh: "已清退", color: "#d5dbdf" }
  ];
  const DIMENSIONS = [
    { key: "FOOD", en: "Food", zh: "不愁吃" },
    { key: "CLOTHING", en: "Clothing", zh: "不愁穿" },
    { key: "COMPULSORY_EDUCATION", en: "Compulsory education", zh: "義務教育" },
    { key: "BASIC_MEDICAL", en: "Basic medical care", zh: "基本醫療" },
    { key: "HOUSING", en: "Safe housing", zh: "住房安全" },
    { key: "DRINKING_WATER", en: "Drinking water", zh: "飲水安全" },
    { key: "INCOME", en: "Income above the line", zh: "收入達標" }
  ];
  const LEVELS = {
    COUNTY: { en: "County", zh: "縣", suffixes: ["縣", "县", "區", "区", "市", "旗"], children: "townships", childrenZh: "分鄉鎮" },
    TOWNSHIP: { en: "Township", zh: "鄉鎮", suffixes: ["鎮", "镇", "鄉", "乡", "街道"], children: "villages", childrenZh: "分村" },
    VILLAGE: { en: "Village", zh: "村", suffixes: ["村", "社區", "社区"], children: null, childrenZh: null }
  };
  const MEASURE_TYPES = {
    INDUSTRY: "產業", EMPLOYMENT: "就業", TECHNOLOGY: "科技", COMMERCE: "電商", PUBLIC_WELFARE: "公益崗位",
    EDUCATION: "教育", HEALTH: "健康", HOUSING: "住房", RELOCATION: "易地搬遷", SOCIAL_SECURITY: "社會保障",
    ECOLOGICAL: "生態", INFRASTRUCTURE: "基礎設施", MICROCREDIT: "小額信貸"
  };
  // A county code has 6 digits, a township 9, a village 12; each starts with its parent's.
  const CODE_LENGTHS = [6, 9, 12];
  const STALE_AFTER_MILLIS = 5 * 60 * 1000;

  const numbers = new Intl.NumberFormat("en");
  const money = new Intl.NumberFormat("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const $ = function (id) { return document.getElementById(id); };

  const tokenInput = $("token");
  const regionInput = $("region");
  const asOfInput = $("as-of");
  const intervalSelect = $("interval");
  const message = $("message");

  const charts = {};
  const regionNames = {};
  let generation = 0;
  // The regions of the status chart's columns, in order, while they can be drilled into.
  let drillCodes = [];

  takeTokenFromFragment();
  asOfInput.max = localDate(new Date());

  $("login").addEventListener("submit", function (event) {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, tokenInput.value.trim());
    navigate({ region: regionInput.value.trim(), asOf: asOfInput.value });
  });
  asOfInput.addEventListener("change", function () { navigate({ asOf: asOfInput.value }); });
  intervalSelect.addEventListener("change", function () { navigate({ interval: intervalSelect.value }); });
  window.addEventListener("hashchange", function () {
    takeTokenFromFragment();
    load();
  });
  window.addEventListener("resize", function () {
    Object.keys(charts).forEach(function (id) { charts[id].resize(); });
  });
  load();

  // A link may carry the token in the fragment (never sent to a server), also when it is followed
  // from the page itself; it is kept in the tab and removed from the address bar and the history at once.
  function takeTokenFromFragment() {
    const params = new URLSearchParams(location.hash.slice(1));
    if (params.has("token")) {
      sessionStorage.setItem(TOKEN_KEY, params.get("token"));
      params.delete("token");
      history.replaceState(null, "", location.pathname + location.search + (params.toString() ? "#" + params : ""));
    }
    tokenInput.value = sessionStorage.getItem(TOKEN_KEY) || "";
  }

  // The region, date and interval live in the fragment, so that the back button climbs back up
  // a drill-down and a view can be shared as a link.
  function state() {
    const params = new URLSearchParams(location.hash.slice(1));
    return {
      region: params.get("region") || "",
      asOf: params.get("asOf") || "",
      interval: ["DAY", "WEEK", "MONTH"].indexOf(params.get("interval")) >= 0 ? params.get("interval") : "WEEK"
    };
  }

  function link(changes) {
    const next = Object.assign(state(), changes);
    const params = new URLSearchParams();
    if (next.region) { params.set("region", next.region); }
    if (next.asOf) { params.set("asOf", next.asOf); }
    if (next.interval !== "WEEK") { params.set("interval", next.interval); }
    return "#" + params;
  }

  function navigate(changes) {
    const target = link(changes);
    if (location.hash === target || (location.hash === "" && target === "#")) {
      load();
    } else {
      location.hash = target;
    }
  }

  function load() {
    const current = state();
    const token = sessionStorage.getItem(TOKEN_KEY);
    regionInput.value = current.region;
    asOfInput.value = current.asOf;
    intervalSelect.value = current.interval;
    if (!token) {
      message.textContent = "Paste a token to see the figures.";
      return;
    }
    const mine = ++generation;
    document.body.classList.add("dashboard-busy");
    Object.keys(charts).forEach(function (id) { $(id).dataset.rendered = "false"; });
    message.textContent = "";
    // The overview first: it names the region the caller may see by default and the date every
    // other report is then pinned to, so that all panels show the same day.
    api(token, "overview", { region: current.region, asOf: current.asOf }).then(function (overview) {
      const pinned = { region: overview.region.code, asOf: overview.asOf };
      return Promise.all([
        overview,
        api(token, "breakdown", pinned),
        api(token, "guarantees", pinned),
        api(token, "assistance", pinned),
        api(token, "exits", Object.assign({ interval: current.interval, from: exitsFrom(overview.asOf, current.interval) }, pinned)),
        api(token, "cases", pinned),
        api(token, "monitoring", pinned)
      ]);
    }).then(function (reports) {
      if (mine !== generation) {
        return;
      }
      document.body.classList.remove("dashboard-busy");
      $("dashboard").hidden = false;
      // A chart resized while an error hid the page measured nothing: measure again before drawing.
      Object.keys(charts).forEach(function (id) { charts[id].resize(); });
      renderOverview(reports[0]);
      renderBreakdown(reports[0], reports[1]);
      renderGuarantees(reports[2]);
      renderAssistance(reports[3]);
      renderExits(reports[4]);
      renderCases(reports[5]);
      renderMonitoring(reports[6]);
      renderFreshness(reports);
      renderBreadcrumb(reports[0].region);
    }).catch(function (error) {
      if (mine === generation) {
        // Figures of another region or date left on screen under the error would be read as the answer.
        document.body.classList.remove("dashboard-busy");
        $("dashboard").hidden = true;
        $("freshness").textContent = "";
        message.textContent = error.message;
      }
    });
  }

  function api(token, report, params) {
    const query = new URLSearchParams();
    Object.keys(params).forEach(function (key) {
      if (params[key]) { query.set(key, params[key]); }
    });
    return fetch("/api/v1/reports/" + report + "?" + query, {
      headers: { "Authorization": "Bearer " + token, "Accept": "application/json" },
      cache: "no-store"
    }).catch(function (error) {
      throw new Error("The gateway could not be reached: " + error.message);
    }).then(function (response) {
      if (response.ok) {
        return response.json();
      }
      return response.json().catch(function () { return {}; }).then(function (problem) {
        const hint = response.status === 401 ? " Paste a new token (it may have expired)."
          : response.status === 404 ? " Check the region code: it may be outside your region." : "";
        throw new Error((problem.title || ("HTTP " + response.status)) + ": " + (problem.detail || report) + hint);
      });
    });
  }

  // --- Headline figures -------------------------------------------------------------------

  function renderOverview(overview) {
    const level = LEVELS[overview.region.level] || { en: overview.region.level, zh: "" };
    regionNames[overview.region.code] = overview.region.name;
    // Names usually end in their level already (德陽縣, 東溪鎮): add it only when they do not.
    const name = (level.suffixes || []).some(function (suffix) { return overview.region.name.endsWith(suffix); })
      ? overview.region.name : overview.region.name + " " + level.zh;
    $("region-name").textContent = name + " · " + level.en + " " + overview.region.code
      + " · as of " + overview.asOf;
    figure("poor-households", overview.currentlyPoor.households);
    figure("poor-people", overview.currentlyPoor.people);
    $("total-households").textContent = "of " + numbers.format(overview.households.total) + " registered households 建檔立卡戶";
    $("total-people").textContent = "of " + numbers.format(overview.people.total) + " registered people";
    const incidence = $("incidence");
    incidence.dataset.value = overview.povertyIncidence == null ? "" : String(overview.povertyIncidence);
    incidence.textContent = overview.povertyIncidence == null ? "–" : percent(overview.povertyIncidence, 2);
    $("rural-population").textContent = overview.region.ruralPopulation == null ? "no rural population on record"
      : "of a rural population of " + numbers.format(overview.region.ruralPopulation) + " 農村人口";
    const villages = $("villages-exited");
    villages.dataset.value = JSON.stringify({ poorExited: overview.villages.poorExited, poor: overview.villages.poor,
      poorExitDecided: overview.villages.poorExitDecided });
    villages.textContent = numbers.format(overview.villages.poorExited) + " / " + numbers.format(overview.villages.poor);
    $("deep-villages-exited").textContent = "exit announced 已審定出列: " + numbers.format(overview.villages.poorExitDecided)
      + "; deep-poverty villages 深度貧困村: " + numbers.format(overview.villages.deepPovertyExited)
      + " / " + numbers.format(overview.villages.deepPoverty) + " exited";
  }

  function figure(id, value) {
    const element = $(id);
    element.dataset.value = String(value);
    element.textContent = numbers.format(value);
  }

  // --- Households by status per child region, with drill-down -------------------------------

  function renderBreakdown(overview, breakdown) {
    const level = LEVELS[overview.region.level] || LEVELS.VILLAGE;
    // A village has no children: its own figures stand alone, so the page looks the same at every level.
    const rows = breakdown.rows.length ? breakdown.rows : [{
      region: overview.region, households: overview.households, people: overview.people,
      currentlyPoor: overview.currentlyPoor, povertyIncidence: overview.povertyIncidence, villages: overview.villages
    }];
    const drillable = breakdown.rows.length > 0;
    rows.forEach(function (row) { regionNames[row.region.code] = row.region.name; });
    $("status-scope").textContent = drillable ? "· " + level.children + " " + level.childrenZh : "· this village 本村";
    $("status-hint").textContent = !drillable ? "A village has no smaller regions: these are its own figures."
      : level.children === "townships" ? "Click a township's bar or row to see its villages 點擊鄉鎮查看各村."
        : "Click a village's bar or row to see that village 點擊查看該村.";

    const codes = rows.map(function (row) { return row.region.code; });
    const element = $("status-chart");
    draw("status-chart", overview.region.code, {
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { top: 0, type: "scroll" },
      grid: { left: 50, right: 20, top: 40, bottom: 60, containLabel: true },
      xAxis: {
        type: "category", data: codes,
        axisLabel: { interval: 0, rotate: codes.length > 8 ? 30 : 0, formatter: function (code) { return regionNames[code] || code; } },
        axisTick: { alignWithLabel: true }
      },
      yAxis: { type: "value", name: "Households 戶", nameLocation: "middle", nameGap: 35, minInterval: 1 },
      series: STATUSES.map(function (status) {
        return {
          id: status.key, name: status.en + " " + status.zh, type: "bar", stack: "households", color: status.color,
          barMaxWidth: 60, emphasis: { focus: "series" },
          data: rows.map(function (row) { return row.households.byStatus[status.key] || 0; })
        };
      })
    }, "Households by status per region: " + rows.map(function (row) {
      return row.region.name + ": " + STATUSES.map(function (s) {
        return s.en + " " + (row.households.byStatus[s.key] || 0);
      }).join(", ");
    }).join("; ") + ".");
    element.dataset.drillable = String(drillable);
    drillCodes = drillable ? codes : [];

    const head = $("status-table").tHead;
    head.innerHTML = "";
    const headRow = head.insertRow();
    [level.children === "townships" ? "Township 鄉鎮" : "Village 村", "Households 戶數"]
      .concat(STATUSES.map(function (s) { return s.en + " " + s.zh; }))
      .concat(["Currently poor households 現有貧困戶", "Currently poor people 現有貧困人口", "Incidence 發生率", "Poor villages exited 貧困村出列"])
      .forEach(function (text) {
        const th = document.createElement("th");
        th.scope = "col";
        th.textContent = text;
        headRow.appendChild(th);
      });
    const body = $("status-table").tBodies[0];
    body.innerHTML = "";
    rows.forEach(function (row) {
      const tr = body.insertRow();
      tr.dataset.region = row.region.code;
      const name = tr.insertCell();
      if (drillable) {
        tr.className = "drill";
        const a = document.createElement("a");
        a.href = link({ region: row.region.code });
        a.textContent = row.region.name;
        name.appendChild(a);
        // The whole row is a target for the mouse; the link inside serves the keyboard.
        tr.addEventListener("click", function (event) {
          if (event.target.tagName !== "A") {
            navigate({ region: row.region.code });
          }
        });
      } else {
        name.textContent = row.region.name;
      }
      name.appendChild(document.createTextNode(" " + row.region.code));
      cell(tr, numbers.format(row.households.total));
      STATUSES.forEach(function (s) { cell(tr, numbers.format(row.households.byStatus[s.key] || 0)); });
      cell(tr, numbers.format(row.currentlyPoor.households));
      cell(tr, numbers.format(row.currentlyPoor.people));
      cell(tr, row.povertyIncidence == null ? "–" : percent(row.povertyIncidence, 2));
      cell(tr, row.villages.poor ? row.villages.poorExited + " / " + row.villages.poor : "–");
    });
  }

  // Clicking anywhere in a region's column drills down: a small stack is hard to hit otherwise.
  function enableDrillDown(chart) {
    const zr = chart.getZr();
    function columnAt(event) {
      const point = [event.offsetX, event.offsetY];
      if (!drillCodes.length || !chart.containPixel("grid", point)) {
        return null;
      }
      const index = chart.convertFromPixel({ xAxisIndex: 0 }, event.offsetX);
      return drillCodes[Math.round(index)] || null;
    }
    zr.on("click", function (event) {
      const code = columnAt(event);
      if (code) {
        navigate({ region: code });
      }
    });
    zr.on("mousemove", function (event) {
      if (columnAt(event)) {
        zr.setCursorStyle("pointer");
      }
    });
  }

  // --- Exits and returns over time ----------------------------------------------------------

  function renderExits(exits) {
    const starts = exits.periods.map(function (p) { return p.start; });
    const element = $("exits-chart");
    element.dataset.query = JSON.stringify({ region: exits.region.code, asOf: exits.asOf, from: exits.from, to: exits.to, interval: exits.interval });
    draw("exits-chart", exits.region.code, {
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 40, right: 50, top: 40, bottom: 30, containLabel: true },
      xAxis: { type: "category", data: starts },
      yAxis: [
        { type: "value", name: "Per period 本期", nameLocation: "middle", nameGap: 30, minInterval: 1 },
        { type: "value", name: "Cumulative 累計", nameLocation: "middle", nameGap: 35, minInterval: 1, splitLine: { show: false } }
      ],
      series: [
        { id: "exits", name: "Exits 脫貧", type: "bar", color: "#2e8b57", data: exits.periods.map(function (p) { return p.exits; }) },
        { id: "returns", name: "Returns 返貧", type: "bar", color: "#c0392b", data: exits.periods.map(function (p) { return p.returns; }) },
        {
          id: "cumulativeExits", name: "Cumulative exits 累計脫貧", type: "line", yAxisIndex: 1, color: "#1f5f8b",
          symbolSize: 4, data: exits.periods.map(function (p) { return p.cumulativeExits; })
        }
      ]
    }, "Exits and returns per " + exits.interval.toLowerCase() + " from " + exits.from + " to " + exits.to + ": "
      + count(exits.exits, "exit", "exits") + ", " + count(exits.returns, "return", "returns") + " in all.");
    $("exits-total").textContent = count(exits.exits, "exit", "exits") + " 脫貧 and " + count(exits.returns, "return", "returns")
      + " 返貧 from " + exits.from + " to " + exits.to + ".";
    const body = $("exits-table").tBodies[0];
    body.innerHTML = "";
    exits.periods.forEach(function (p) {
      const tr = body.insertRow();
      cell(tr, p.start);
      cell(tr, numbers.format(p.exits));
      cell(tr, numbers.format(p.returns));
      cell(tr, numbers.format(p.cumulativeExits));
    });
  }

  function exitsFrom(asOf, interval) {
    const end = new Date(asOf + "T00:00:00Z");
    if (interval === "DAY") {
      end.setUTCDate(end.getUTCDate() - 29);
    } else if (interval === "MONTH") {
      end.setUTCDate(1);
      end.setUTCMonth(end.getUTCMonth() - 11);
    } else {
      end.setUTCDate(end.getUTCDate() - 7 * 26 + 1);
    }
    return end.toISOString().slice(0, 10);
  }

  // --- Guarantee gaps -----------------------------------------------------------------------

  function renderGuarantees(report) {
    figure("g-current", report.currentlyPoorHouseholds);
    figure("g-assessed", report.assessed);
    figure("g-not-assessed", report.notAssessed);
    figure("g-failing-any", report.failingAny);
    const keys = DIMENSIONS.map(function (d) { return d.key; });
    draw("guarantees-chart", report.region.code, {
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      grid: { left: 10, right: 40, top: 10, bottom: 30, containLabel: true },
      // Categories from the bottom up, so that food (the first dimension) reads at the top.
      yAxis: {
        type: "category", data: keys.slice().reverse(), inverse: false,
        axisLabel: { formatter: function (key) { return dimensionLabel(key); } }
      },
      xAxis: { type: "value", name: "Households 戶", nameLocation: "middle", nameGap: 25, minInterval: 1 },
      series: [{
        id: "failing", name: "Households failing 未達標戶", type: "bar", color: "#c0392b", barMaxWidth: 24,
        label: { show: true, position: "right" },
        data: keys.slice().reverse().map(function (key) { return report.failing[key] || 0; })
      }]
    }, "Currently poor households failing each guarantee: " + DIMENSIONS.map(function (d) {
      return d.en + " " + (report.failing[d.key] || 0);
    }).join(", ") + "; " + report.notAssessed + " not assessed.");
    const body = $("guarantees-table").tBodies[0];
    body.innerHTML = "";
    DIMENSIONS.forEach(function (d) {
      const tr = body.insertRow();
      cell(tr, d.en + " " + d.zh);
      cell(tr, numbers.format(report.failing[d.key] || 0));
    });
  }

  function dimensionLabel(key) {
    const d = DIMENSIONS.find(function (x) { return x.key === key; });
    return d ? d.en + " " + d.zh : key;
  }

  // --- Assistance coverage ------------------------------------------------------------------

  function renderAssistance(report) {
    const groups = [
      { key: "currentlyPoor", label: "Currently poor 現有貧困戶", coverage: report.currentlyPoor },
      { key: "exited", label: "Exited 已脫貧戶", coverage: report.exited }
    ];
    draw("helpers-chart", report.region.code, coverageOption(groups, "Households 戶",
      [{ id: "withHelper", name: "With helper 有幫扶人", color: "#2e8b57" }, { id: "withoutHelper", name: "Without helper 無幫扶人", color: "#c0392b" }],
      function (group, id) { return group.coverage[id]; }),
    groups.map(function (g) {
      return g.label + ": " + g.coverage.withHelper + " of " + g.coverage.households + " households with a helper";
    }).join("; ") + ".");
    fillCoverageTable("helpers-table", groups.map(function (g) {
      return [g.label, g.coverage.households, g.coverage.withHelper, g.coverage.withoutHelper];
    }));

    const v = report.villages;
    const villageGroups = [
      { key: "all", label: "All villages 全部村", total: v.total, with: v.withWorkTeam },
      { key: "poor", label: "Poor villages 貧困村", total: v.poor, with: v.poorWithWorkTeam }
    ];
    draw("villages-chart", report.region.code, coverageOption(villageGroups, "Villages 村",
      [{ id: "withWorkTeam", name: "With work team 有工作隊", color: "#1f5f8b" }, { id: "withoutWorkTeam", name: "Without 無工作隊", color: "#e67e22" }],
      function (group, id) { return id === "withWorkTeam" ? group.with : group.total - group.with; }),
    "Villages with a resident work team: " + v.withWorkTeam + " of " + v.total + "; poor villages: " + v.poorWithWorkTeam + " of " + v.poor + ".");
    fillCoverageTable("villages-table", villageGroups.map(function (g) {
      return [g.label, g.total, g.with, g.total - g.with];
    }));
    figure("a-unit-or-group", v.poorWithUnitOrGroup);
    figure("a-visits", report.visits.visits);
    figure("a-visited", report.visits.householdsVisited);
    figure("a-risk", report.visits.riskObserved);

    const body = $("measures-table").tBodies[0];
    body.innerHTML = "";
    if (!report.measures.length) {
      const tr = body.insertRow();
      const td = tr.insertCell();
      td.colSpan = 4;
      td.textContent = "No measures recorded 暫無幫扶措施";
    }
    report.measures.forEach(function (m) {
      const tr = body.insertRow();
      cell(tr, m.type + (MEASURE_TYPES[m.type] ? " " + MEASURE_TYPES[m.type] : ""));
      cell(tr, numbers.format(m.measures));
      cell(tr, numbers.format(m.confirmed));
      cell(tr, money.format(m.amount));
    });
  }

  // --- Cases (兩公示一公告): open cases of each child region by the stage they wait at ----------

  const CASE_STAGES = ["VERIFICATION", "ACKNOWLEDGEMENT", "APPRAISAL", "VILLAGE_NOTICE", "TOWNSHIP_REVIEW", "TOWNSHIP_NOTICE",
    "COUNTY_APPROVAL"];
  const CASE_COLORS = ["#8e44ad", "#16a085", "#2980b9", "#f1c40f", "#e67e22", "#d35400", "#2e8b57"];

  function renderCases(report) {
    const labels = {};
    report.stages.forEach(function (s) { labels[s.stage] = s.label; });
    // A village has no child regions: it is its own single column, as the report counts it.
    const rows = report.rows.length ? report.rows : [{
      region: report.region, objected: report.objected, overdue: report.overdue,
      waiting: report.stages.reduce(function (all, s) { all[s.stage] = s.waiting; return all; }, {})
    }];
    const names = {};
    rows.forEach(function (row) { names[row.region.code] = row.region.name; });
    const codes = rows.map(function (row) { return row.region.code; });
    const open = report.kinds.reduce(function (sum, k) { return sum + k.open + k.objected; }, 0);
    figure("c-open", open);
    figure("c-objected", report.objected);
    figure("c-overdue", report.overdue);
    const series = CASE_STAGES.map(function (stage, i) {
      return {
        id: stage, name: stage + " " + (labels[stage] || ""), type: "bar", stack: "waiting", color: CASE_COLORS[i], barMaxWidth: 48,
        data: rows.map(function (row) { return row.waiting[stage] || 0; })
      };
    }).concat([
      { id: "objected", name: "Objected 異議待核", type: "bar", color: "#7f8c8d", barMaxWidth: 16,
        data: rows.map(function (row) { return row.objected; }) },
      { id: "overdue", name: "Overdue 超期", type: "bar", color: "#c0392b", barMaxWidth: 16,
        data: rows.map(function (row) { return row.overdue; }) }
    ]);
    draw("cases-chart", report.region.code, {
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { top: 0, type: "scroll" },
      grid: { left: 10, right: 10, top: 50, bottom: 10, containLabel: true },
      xAxis: { type: "category", data: codes, axisLabel: { interval: 0, rotate: codes.length > 8 ? 30 : 0,
        formatter: function (code) { return names[code] || code; } } },
      yAxis: { type: "value", minInterval: 1 },
      series: series
    }, "Open cases by stage per region: " + rows.map(function (row) {
      return row.region.name + ": " + CASE_STAGES.map(function (stage) { return stage + " " + (row.waiting[stage] || 0); }).join(", ")
        + ", objected " + row.objected + ", overdue " + row.overdue;
    }).join("; ") + ".");

    const table = $("cases-table");
    const head = table.tHead.rows[0];
    head.innerHTML = "";
    ["Region 區劃"].concat(CASE_STAGES.map(function (stage) { return labels[stage] || stage; }))
      .concat(["Objected 異議待核", "Overdue 超期"]).forEach(function (text) {
        const th = document.createElement("th");
        th.textContent = text;
        head.appendChild(th);
      });
    const body = table.tBodies[0];
    body.innerHTML = "";
    rows.forEach(function (row) {
      const tr = body.insertRow();
      tr.dataset.region = row.region.code;
      cell(tr, row.region.name);
      CASE_STAGES.forEach(function (stage) { cell(tr, numbers.format(row.waiting[stage] || 0)); });
      cell(tr, numbers.format(row.objected));
      cell(tr, numbers.format(row.overdue));
      if (row.overdue > 0) {
        tr.classList.add("overdue");
      }
    });
  }

  // --- Monitoring (防止返貧動態監測): alerts, monitored households and clearances per child region ----

  const RISK_TYPES = [
    { key: "UNSTABLE_EXIT", en: "Unstable exit", zh: "脫貧不穩定戶" },
    { key: "MARGINAL", en: "Marginal", zh: "邊緣易致貧戶" },
    { key: "SUDDEN_HARDSHIP", en: "Sudden hardship", zh: "突發嚴重困難戶" }
  ];
  const SIGNAL_KINDS = {
    MEDICAL_EXPENSE: "醫療支出", DISASTER_LOSS: "災害損失", DEATH: "死亡", DISABILITY_CERTIFIED: "殘疾認定", JOB_LOSS: "失業",
    INCOME_DROP: "收入下降", SUBSISTENCE_GRANTED: "納入低保", SERIOUS_ILLNESS: "重大疾病", RISK_OBSERVED: "走訪發現", ASSESSMENT: "評估"
  };
  const MONITORING_SERIES = [
    { id: "openAlerts", name: "Open alerts 待核實", color: "#e67e22" },
    { id: "overdueAlerts", name: "Overdue 超期", color: "#c0392b" },
    { id: "monitoredHouseholds", name: "Monitored 監測戶", color: "#d4ac0d" },
    { id: "approvedClearances", name: "Risk cleared 風險消除", color: "#2e8b57" }
  ];

  function renderMonitoring(report) {
    figure("monitored-households", report.monitored.households);
    $("monitoring-headline").textContent = "open alerts 待核實 " + numbers.format(report.alerts.open) + " (overdue 超期 "
      + numbers.format(report.alerts.overdue) + "); risk cleared 風險消除 " + numbers.format(report.clearances.approved);
    figure("m-signals", report.signals.received);
    figure("m-unknown", report.signals.unknownPersons);
    figure("m-open", report.alerts.open);
    figure("m-overdue", report.alerts.overdue);
    figure("m-awaiting", report.alerts.awaitingDecision);
    figure("m-approved", report.alerts.approved);
    figure("m-dismissed", report.alerts.dismissed);
    figure("m-cleared", report.clearances.approved);
    const days = $("m-days");
    days.dataset.value = JSON.stringify({ median: report.verification.medianDays, p90: report.verification.p90Days });
    days.textContent = report.verification.verified
      ? Number(report.verification.medianDays).toFixed(1) + " / " + Number(report.verification.p90Days).toFixed(1) + " days ("
        + count(report.verification.verified, "alert", "alerts") + ")"
      : "–";

    // A village has no child regions: it is its own single column, as the report counts it.
    const rows = report.rows.length ? report.rows : [{
      region: report.region, openAlerts: report.alerts.open, overdueAlerts: report.alerts.overdue,
      monitoredHouseholds: report.monitored.households, approvedClearances: report.clearances.approved
    }];
    const names = {};
    rows.forEach(function (row) { names[row.region.code] = row.region.name; });
    const codes = rows.map(function (row) { return row.region.code; });
    draw("monitoring-chart", report.region.code, {
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { top: 0, type: "scroll" },
      grid: { left: 10, right: 10, top: 40, bottom: 10, containLabel: true },
      xAxis: { type: "category", data: codes, axisLabel: { interval: 0, rotate: codes.length > 8 ? 30 : 0,
        formatter: function (code) { return names[code] || code; } } },
      yAxis: { type: "value", minInterval: 1 },
      series: MONITORING_SERIES.map(function (s) {
        return { id: s.id, name: s.name, type: "bar", color: s.color, barMaxWidth: 24,
          data: rows.map(function (row) { return row[s.id]; }) };
      })
    }, "Monitoring per region: " + rows.map(function (row) {
      return row.region.name + ": " + row.openAlerts + " open alerts, " + row.overdueAlerts + " overdue, "
        + row.monitoredHouseholds + " households monitored, " + row.approvedClearances + " risks cleared";
    }).join("; ") + ".");

    const body = $("monitoring-table").tBodies[0];
    body.innerHTML = "";
    rows.forEach(function (row) {
      const tr = body.insertRow();
      tr.dataset.region = row.region.code;
      cell(tr, row.region.name);
      MONITORING_SERIES.forEach(function (s) { cell(tr, numbers.format(row[s.id])); });
      if (row.overdueAlerts > 0) {
        tr.classList.add("overdue");
      }
    });
    const types = $("monitoring-types").tBodies[0];
    types.innerHTML = "";
    RISK_TYPES.forEach(function (t) {
      const tr = types.insertRow();
      cell(tr, t.en + " " + t.zh);
      cell(tr, numbers.format(report.monitored.byRiskType[t.key] || 0));
    });
    const signals = $("monitoring-signals").tBodies[0];
    signals.innerHTML = "";
    Object.keys(report.signals.byKind).forEach(function (kind) {
      const tr = signals.insertRow();
      cell(tr, kind + (SIGNAL_KINDS[kind] ? " " + SIGNAL_KINDS[kind] : ""));
      cell(tr, numbers.format(report.signals.byKind[kind]));
    });
  }

  function coverageOption(groups, unit, parts, value) {
    return {
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { top: 0 },
      grid: { left: 10, right: 30, top: 35, bottom: 30, containLabel: true },
      yAxis: {
        type: "category", data: groups.map(function (g) { return g.key; }), inverse: true,
        axisLabel: { formatter: function (key) { return groups.find(function (g) { return g.key === key; }).label; } }
      },
      xAxis: { type: "value", name: unit, nameLocation: "middle", nameGap: 25, minInterval: 1 },
      series: parts.map(function (part) {
        return {
          id: part.id, name: part.name, type: "bar", stack: "coverage", color: part.color, barMaxWidth: 36,
          label: { show: true, formatter: function (p) { return p.value ? p.value : ""; } },
          data: groups.map(function (g) { return value(g, part.id); })
        };
      })
    };
  }

  function fillCoverageTable(id, rows) {
    const body = $(id).tBodies[0];
    body.innerHTML = "";
    rows.forEach(function (row) {
      const tr = body.insertRow();
      row.forEach(function (value, i) { cell(tr, i === 0 ? value : numbers.format(value)); });
    });
  }

  // --- Freshness and breadcrumb -------------------------------------------------------------

  function renderFreshness(reports) {
    const element = $("freshness");
    let latest = null;
    let lag = 0;
    reports.forEach(function (r) {
      if (r.freshness && r.freshness.lastEventAt) {
        latest = latest == null || r.freshness.lastEventAt > latest ? r.freshness.lastEventAt : latest;
        lag = Math.max(lag, r.freshness.lagMillis || 0);
      }
    });
    if (latest == null) {
      element.textContent = "No events received yet 暫無數據";
      element.classList.remove("stale");
      return;
    }
    element.dataset.lastEventAt = latest;
    element.textContent = "Figures include events up to " + new Date(latest).toLocaleString("en-GB")
      + " 數據截至 · lag " + duration(lag);
    element.classList.toggle("stale", lag > STALE_AFTER_MILLIS);
  }

  function renderBreadcrumb(region) {
    const nav = $("breadcrumb");
    nav.innerHTML = "";
    const ancestors = CODE_LENGTHS.filter(function (n) { return n < region.code.length; })
      .map(function (n) { return region.code.slice(0, n); });
    ancestors.forEach(function (code) {
      const a = document.createElement("a");
      a.href = link({ region: code });
      a.dataset.region = code;
      a.textContent = regionNames[code] || code;
      nav.appendChild(a);
      const sep = document.createElement("span");
      sep.className = "sep";
      sep.setAttribute("aria-hidden", "true");
      sep.textContent = "›";
      nav.appendChild(sep);
      if (!regionNames[code]) {
        nameOf(code, a);
      }
    });
    const here = document.createElement("span");
    here.setAttribute("aria-current", "page");
    here.dataset.region = region.code;
    here.textContent = region.name;
    nav.appendChild(here);
  }

  // A page opened on a village by a link knows no names above it; a region outside the caller's
  // scope answers 404 and keeps its code.
  function nameOf(code, anchor) {
    api(sessionStorage.getItem(TOKEN_KEY), "overview", { region: code, asOf: state().asOf }).then(function (overview) {
      regionNames[code] = overview.region.name;
      anchor.textContent = overview.region.name;
    }).catch(function () { });
  }

  // --- Charts -------------------------------------------------------------------------------

  // Tests and assistive tools read what the chart drew, not what the page meant to draw: the
  // option as ECharts holds it after the `finished` event is put on the container.
  function draw(id, regionCode, option, summary) {
    const element = $(id);
    let chart = charts[id];
    if (!chart) {
      chart = echarts.init(element, null, { renderer: "canvas" });
      charts[id] = chart;
      if (id === "status-chart") {
        enableDrillDown(chart);
      }
    }
    element.dataset.rendered = "false";
    element.setAttribute("aria-label", summary);
    chart.off("finished");
    chart.on("finished", function () {
      chart.off("finished");
      expose(element, chart, regionCode);
    });
    chart.setOption(option, { notMerge: true });
  }

  function expose(element, chart, regionCode) {
    const option = chart.getOption();
    const axis = option.xAxis && option.xAxis[0] && option.xAxis[0].type === "category" ? option.xAxis[0] : option.yAxis[0];
    const series = {};
    option.series.forEach(function (s) {
      series[s.id] = s.data.map(function (d) { return d !== null && typeof d === "object" ? d.value : d; });
    });
    element.dataset.series = JSON.stringify({ categories: axis.data, series: series });
    element.dataset.region = regionCode;
    element.dataset.rendered = "true";
  }

  function cell(row, text) {
    row.insertCell().textContent = text;
  }

  function count(n, one, many) {
    return numbers.format(n) + " " + (n === 1 ? one : many);
  }

  function percent(fraction, digits) {
    return (Number(fraction) * 100).toFixed(digits) + "%";
  }

  function duration(millis) {
    if (millis < 1000) { return millis + " ms"; }
    if (millis < 120000) { return (millis / 1000).toFixed(1) + " s"; }
    return Math.round(millis / 60000) + " min";
  }

  function localDate(date) {
    return date.getFullYear() + "-" + String(date.getMonth() + 1).padStart(2, "0") + "-" + String(date.getDate()).padStart(2, "0");
  }
})();
