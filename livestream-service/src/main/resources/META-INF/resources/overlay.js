/*
 * Chốt Đơn live overlay. Reads the public board of one session, then follows its Server-Sent Events
 * stream; every event is a full snapshot (the server sends the current one first on every
 * connection), so nothing is lost across a reconnection. While the stream is down the board is
 * hidden behind a quiet "đang kết nối lại" instead of showing stale numbers. Once the session is
 * over (ENDED, CANCELLED) the server closes the stream after the last snapshot: the page keeps
 * showing it and stops following, instead of reconnecting to a board that will not change.
 *
 * URL options: session=ID (required); parts=pinned,items,ticker (default all three);
 * theme=dark|light; transparent=1; layout=portrait|landscape; accent=RRGGBB (hex colour).
 */
(function () {
  "use strict";

  var PARTS = ["pinned", "items", "ticker"];
  var TICKER_LINES = { portrait: 5, landscape: 3 };
  var RETRY_MS = 2000;
  var CHECK_MS = 10000;

  var params = new URLSearchParams(window.location.search);
  var session = params.get("session");
  var layout = params.get("layout") === "landscape" ? "landscape" : "portrait";
  var parts = (params.get("parts") || PARTS.join(",")).split(",").map(function (p) { return p.trim(); })
    .filter(function (p) { return PARTS.indexOf(p) >= 0; });
  var price = new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND", maximumFractionDigits: 0 });
  var number = new Intl.NumberFormat("vi-VN");

  var body = document.body;
  var stream = null;
  var retry = null;
  var checking = null;
  var over = false;
  var shownAt = 0;

  function $(id) { return document.getElementById(id); }

  function text(element, value) {
    if (element.textContent !== value) {
      element.textContent = value;
    }
  }

  function configure() {
    body.className = "";
    body.classList.add(params.get("theme") === "light" ? "theme-light" : "theme-dark");
    body.classList.add("layout-" + layout);
    if (params.get("transparent") === "1" || params.get("transparent") === "true") {
      body.classList.add("transparent");
    }
    var accent = params.get("accent");
    if (accent && /^[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/.test(accent)) {
      document.documentElement.style.setProperty("--accent", "#" + accent);
    }
  }

  function sold(item) { return item.ordered - item.cancelled; }

  function percent(item) {
    return item.quota > 0 ? Math.min(100, Math.round(sold(item) * 100 / item.quota)) : 100;
  }

  function left(item) {
    return item.remaining > 0 ? "Còn " + number.format(item.remaining) : "Hết hàng";
  }

  function isOver(board) {
    return board.status === "ENDED" || board.status === "CANCELLED";
  }

  function statusLine(board) {
    switch (board.status) {
      case "SCHEDULED": return "Sắp lên sóng";
      case "ENDED": return "Phiên live đã kết thúc";
      case "CANCELLED": return "Phiên live đã huỷ";
      default: return "";
    }
  }

  function renderPinned(item) {
    var section = $("pinned");
    section.hidden = !item || parts.indexOf("pinned") < 0;
    if (!item) {
      return;
    }
    section.dataset.code = item.code;
    section.classList.toggle("soldout", item.remaining <= 0);
    text($("pinned-code"), item.code);
    text($("pinned-price"), price.format(item.livePriceVnd));
    text($("pinned-name"), item.productName);
    text($("pinned-sold"), item.label);
    text($("pinned-left"), left(item));
    $("pinned-bar").style.width = percent(item) + "%";
  }

  function itemRow(item) {
    var row = document.createElement("li");
    row.className = "item" + (item.remaining <= 0 ? " soldout" : "");
    row.dataset.code = item.code;
    [["code", item.code], ["name", item.productName], ["item-sold", number.format(sold(item)) + "/" + number.format(item.quota)],
      ["item-left", left(item)]].forEach(function (cell) {
      var span = document.createElement("span");
      span.className = cell[0];
      span.textContent = cell[1];
      row.appendChild(span);
    });
    return row;
  }

  function renderItems(items) {
    var list = $("items");
    list.hidden = items.length === 0 || parts.indexOf("items") < 0;
    list.replaceChildren.apply(list, items.map(itemRow));
  }

  function renderTicker(entries) {
    var list = $("ticker");
    var shown = (entries || []).slice(0, TICKER_LINES[layout]);
    list.hidden = shown.length === 0 || parts.indexOf("ticker") < 0;
    var before = Array.prototype.map.call(list.children, function (li) { return li.textContent; });
    var after = shown.map(function (entry) { return entry.text; });
    if (before.join("\n") === after.join("\n")) {
      return;
    }
    list.replaceChildren.apply(list, after.map(function (line) {
      var li = document.createElement("li");
      li.textContent = line;
      return li;
    }));
  }

  /** Shows a snapshot unless a newer one is already shown (the stream and a read can cross). */
  function render(board) {
    var computedAt = Date.parse(board.computedAt);
    if (computedAt < shownAt) {
      return;
    }
    shownAt = computedAt;
    var pinned = null;
    var others = [];
    board.items.forEach(function (item) {
      if (item.pinned && !pinned) {
        pinned = item;
      } else {
        others.push(item);
      }
    });
    var status = statusLine(board);
    $("status").hidden = status === "";
    text($("status"), status);
    renderPinned(pinned);
    renderItems(others);
    renderTicker(board.ticker);
    if (isOver(board)) {
      stop();
    }
  }

  /** The session is over: its board no longer changes, nothing is followed or checked any more. */
  function stop() {
    over = true;
    if (stream) {
      stream.close();
    }
    window.clearInterval(checking);
    window.clearTimeout(retry);
    connected(true);
  }

  function connected(isConnected) {
    body.classList.toggle("disconnected", !isConnected);
    $("reconnecting").hidden = isConnected;
  }

  function boardUrl() {
    return "/sessions/" + encodeURIComponent(session) + "/board";
  }

  /** Reads the snapshot; a failure means the service is out of reach. */
  function readSnapshot() {
    return fetch(boardUrl(), { headers: { Accept: "application/json" }, cache: "no-store" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("board " + response.status);
        }
        return response.json();
      })
      .then(function (board) {
        render(board);
        if (stream && stream.readyState === EventSource.OPEN) {
          connected(true);
        }
      });
  }

  function follow() {
    retry = null;
    if (over) {
      return;
    }
    if (stream) {
      stream.close();
    }
    stream = new EventSource(boardUrl() + "/stream");
    /* No read on open: the stream's first event is the current snapshot. */
    stream.onopen = function () {
      connected(true);
    };
    stream.onmessage = function (event) {
      connected(true);
      render(JSON.parse(event.data));
    };
    stream.onerror = function () {
      if (over) {
        return;
      }
      connected(false);
      /* EventSource retries a dropped connection by itself, but gives up after an error answer
         (a 503 while the service restarts, say): then a new one is opened after a pause. */
      if (stream.readyState === EventSource.CLOSED && retry === null) {
        retry = window.setTimeout(follow, RETRY_MS);
      }
    };
  }

  /* A stream can also die without an error (a half-open connection): the snapshot is read every
     few seconds as a check, and a failure reopens the stream. */
  function check() {
    readSnapshot().catch(function () {
      connected(false);
      if (retry === null) {
        retry = window.setTimeout(follow, RETRY_MS);
      }
    });
  }

  configure();
  if (!session || !/^[0-9]+$/.test(session)) {
    text($("status"), "Thiếu ?session=… trong địa chỉ của overlay");
    $("status").hidden = false;
    return;
  }
  readSnapshot().catch(function () { connected(false); });
  follow();
  checking = window.setInterval(check, CHECK_MS);
})();
