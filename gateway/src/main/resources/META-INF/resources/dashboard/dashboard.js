// The dashboard calls the reports API through the gateway with the user's own token; the token
// stays in this tab's sessionStorage and is never sent anywhere else.
(function () {
  const tokenInput = document.getElementById("token");
  const regionInput = document.getElementById("region");
  const message = document.getElementById("message");
  tokenInput.value = sessionStorage.getItem("fupin.token") || "";

  document.getElementById("login").addEventListener("submit", function (event) {
    event.preventDefault();
    sessionStorage.setItem("fupin.token", tokenInput.value.trim());
    load();
  });

  function load() {
    const params = new URLSearchParams();
    if (regionInput.value.trim()) {
      params.set("region", regionInput.value.trim());
    }
    fetch("/api/v1/reports/overview?" + params, {
      headers: { "Authorization": "Bearer " + tokenInput.value.trim(), "Accept": "application/json" }
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (result) {
      if (!result.ok) {
        message.textContent = (result.body.title || "Error") + ": " + (result.body.detail || "");
        return;
      }
      render(result.body);
    }).catch(function (error) {
      message.textContent = "The gateway could not be reached: " + error;
    });
  }

  function render(report) {
    message.textContent = "";
    document.getElementById("overview").hidden = false;
    document.getElementById("region-name").textContent = report.region.name + " (" + report.region.code + ")";
    document.getElementById("poor-households").textContent = report.currentlyPoor.households;
    document.getElementById("poor-people").textContent = report.currentlyPoor.people;
    document.getElementById("incidence").textContent =
      report.povertyIncidence == null ? "–" : (report.povertyIncidence * 100).toFixed(2) + "%";
    document.getElementById("villages").textContent = report.villages.poorExited + " / " + report.villages.poor;
    const body = document.querySelector("#by-status tbody");
    body.innerHTML = "";
    Object.keys(report.households.byStatus).forEach(function (status) {
      const row = body.insertRow();
      row.insertCell().textContent = status;
      row.insertCell().textContent = report.households.byStatus[status];
      row.insertCell().textContent = report.people.byStatus[status];
    });
    document.getElementById("freshness").textContent = report.freshness.lastEventAt
      ? "Figures include events up to " + report.freshness.lastEventAt + " (applied " + report.freshness.lagMillis + " ms after)."
      : "No events received yet.";
  }
})();
