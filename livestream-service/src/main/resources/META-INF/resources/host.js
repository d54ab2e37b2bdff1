/*
 * Chốt Đơn host page: the board of one session plus what the host reads aloud (orders in the last
 * minute, what is about to sell out, the order codes of the latest buyers). The pace comes from a
 * protected endpoint: the page asks for a staff or owner token, from the URL fragment
 * (#token=…, which never reaches a server log) or typed in, keeps it for the browser tab only
 * (sessionStorage) and sends it as an Authorization header.
 *
 * URL: host.html?session=ID#token=JWT
 */
(function () {
  "use strict";

  var PACE_MS = 2000;
  var RETRY_MS = 2000;
  var STORE = "chotdon.host.token";

  var session = new URLSearchParams(window.location.search).get("session");
  var number = new Intl.NumberFormat("vi-VN");
  var stream = null;
  var retry = null;
  var paceTimer = null;
  var over = false;

  function $(id) { return document.getElementById(id); }

  function token() { return window.sessionStorage.getItem(STORE); }

  function fromFragment() {
    var fragment = new URLSearchParams(window.location.hash.replace(/^#/, ""));
    if (fragment.get("token")) {
      window.sessionStorage.setItem(STORE, fragment.get("token"));
      window.history.replaceState(null, "", window.location.pathname + window.location.search);
    }
  }

  function login(message) {
    window.sessionStorage.removeItem(STORE);
    window.clearInterval(paceTimer);
    if (stream) {
      stream.close();
    }
    $("host").hidden = true;
    $("login").hidden = false;
    $("login-error").hidden = !message;
    $("login-error").textContent = message || "";
  }

  function items(list, lines) {
    list.replaceChildren.apply(list, lines.map(function (line) {
      var li = document.createElement("li");
      li.textContent = line.text;
      if (line.soldOut) {
        li.className = "soldout";
      }
      return li;
    }));
  }

  function renderBoard(board) {
    $("title").textContent = board.title;
    items($("board"), board.items.map(function (item) {
      var sold = item.ordered - item.cancelled;
      return { text: item.code + " · " + sold + "/" + item.quota + " · " + (item.remaining > 0 ? "còn " + item.remaining
        : "hết hàng"), soldOut: item.remaining <= 0 };
    }));
    items($("selling-out"), board.items.filter(function (item) {
      return item.remaining > 0 && item.remaining <= Math.max(5, Math.ceil(item.quota / 10));
    }).map(function (item) {
      return { text: item.code + " " + item.productName + ": còn " + number.format(item.remaining) };
    }));
  }

  function renderPace(pace) {
    $("orders-minute").textContent = number.format(pace.ordersLastMinute);
    $("units-minute").textContent = number.format(pace.unitsLastMinute);
    items($("latest"), pace.latestOrders.map(function (order) {
      return { text: (order.orderCode || "–") + " · " + (order.buyerShownAs || "khách") + " · " + order.quantity
        + " × " + order.itemCode };
    }));
  }

  function readPace() {
    return fetch("/sessions/" + encodeURIComponent(session) + "/board/host", {
      headers: { Accept: "application/json", Authorization: "Bearer " + token() }, cache: "no-store"
    }).then(function (response) {
      if (response.status === 401 || response.status === 403 || response.status === 404) {
        login("Mã truy cập không dùng được cho phiên này (" + response.status + ").");
        return;
      }
      if (!response.ok) {
        throw new Error("pace " + response.status);
      }
      return response.json().then(renderPace);
    });
  }

  function connected(isConnected) {
    document.body.classList.toggle("disconnected", !isConnected);
    $("reconnecting").hidden = isConnected;
  }

  function follow() {
    retry = null;
    if (stream) {
      stream.close();
    }
    over = false;
    stream = new EventSource("/sessions/" + encodeURIComponent(session) + "/board/stream");
    stream.onopen = function () { connected(true); };
    stream.onmessage = function (event) {
      var board = JSON.parse(event.data);
      renderBoard(board);
      connected(true);
      readPace().catch(function () { connected(false); });
      /* The server closes the stream of a session that is over after its last snapshot: stay on it. */
      if (board.status === "ENDED" || board.status === "CANCELLED") {
        over = true;
        stream.close();
      }
    };
    stream.onerror = function () {
      if (over) {
        return;
      }
      connected(false);
      if (stream.readyState === EventSource.CLOSED && retry === null) {
        retry = window.setTimeout(follow, RETRY_MS);
      }
    };
  }

  function begin() {
    $("login").hidden = true;
    $("host").hidden = false;
    follow();
    window.clearInterval(paceTimer);
    paceTimer = window.setInterval(function () {
      readPace().catch(function () { connected(false); });
    }, PACE_MS);
  }

  $("login").addEventListener("submit", function (event) {
    event.preventDefault();
    window.sessionStorage.setItem(STORE, $("token").value.trim());
    $("token").value = "";
    begin();
  });

  if (!session || !/^[0-9]+$/.test(session)) {
    document.body.textContent = "Thiếu ?session=… trong địa chỉ";
    return;
  }
  /* A link with another token opened in the same tab changes only the fragment: no new page. */
  window.addEventListener("hashchange", function () {
    fromFragment();
    if (token()) {
      begin();
    }
  });
  fromFragment();
  if (token()) {
    begin();
  } else {
    login(null);
  }
})();
