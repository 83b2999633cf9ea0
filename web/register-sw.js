/* Makes the hosted page work offline after the first visit, and tells the user when a new version
   has been deployed instead of silently staying on the old one. The service worker (sw.js) keeps
   each version's files together, so a page never runs a mix of old and new files: a new version
   waits until the user chooses 刷新以更新. Service workers do not run from file:// (the single-file
   edition), so nothing is done there. */
(function () {
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) {
    return;
  }
  var updating = false;

  function offer(worker) {
    if (document.getElementById("update-banner")) {
      return;
    }
    var banner = document.createElement("div");
    banner.id = "update-banner";
    banner.setAttribute("role", "status");
    var text = document.createElement("span");
    text.textContent = "新版本已就绪。";
    var button = document.createElement("button");
    button.type = "button";
    button.id = "update-now";
    button.textContent = "刷新以更新";
    button.addEventListener("click", function () {
      updating = true;
      worker.postMessage("skip-waiting");
    });
    banner.appendChild(text);
    banner.appendChild(button);
    document.body.appendChild(banner);
  }

  navigator.serviceWorker.addEventListener("controllerchange", function () {
    // Only when the user asked for the new version (the first install also changes controller).
    if (updating) {
      location.reload();
    }
  });

  window.addEventListener("load", function () {
    navigator.serviceWorker.register("./sw.js").then(function (registration) {
      if (registration.waiting && navigator.serviceWorker.controller) {
        offer(registration.waiting);
      }
      registration.addEventListener("updatefound", function () {
        var worker = registration.installing;
        if (!worker) {
          return;
        }
        worker.addEventListener("statechange", function () {
          if (worker.state === "installed" && navigator.serviceWorker.controller) {
            offer(worker);
          }
        });
      });
    }).catch(function () {
      // No offline support (e.g. a private window); the app itself works as before.
    });
  });
})();
