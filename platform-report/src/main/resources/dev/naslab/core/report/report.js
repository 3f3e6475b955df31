// naslab report.html: the summary table sorts by a clicked column; script errors and the number of drawn
// plots are recorded on <body> (data-errors, data-plots, data-svgs) for the headless-browser test.
window.addEventListener('error', function (e) {
  document.body.setAttribute('data-errors', (document.body.getAttribute('data-errors') || '') + e.message + ';');
});
(function () {
  var table = document.getElementById('summary');
  if (table) {
    var heads = table.tHead.rows[0].cells;
    for (var i = 0; i < heads.length; i++) {
      (function (col) {
        heads[col].addEventListener('click', function () {
          var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
          var asc = heads[col].getAttribute('data-sort') !== 'asc';
          rows.sort(function (a, b) {
            var x = a.cells[col].textContent, y = b.cells[col].textContent;
            var nx = parseFloat(x), ny = parseFloat(y);
            var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
            return asc ? c : -c;
          });
          rows.forEach(function (r) { body.appendChild(r); });
          heads[col].setAttribute('data-sort', asc ? 'asc' : 'desc');
        });
      })(i);
    }
  }
  var drawn = 0, svgs = document.querySelectorAll('svg');
  for (var j = 0; j < svgs.length; j++) {
    var box = svgs[j].getBBox();
    if (svgs[j].childElementCount > 0 && box.width > 0 && box.height > 0) { drawn++; }
  }
  document.body.setAttribute('data-plots', String(drawn));
  document.body.setAttribute('data-svgs', String(svgs.length));
})();
