// The stylesheet of index.html, inline in its <head>: one place for every colour and layout rule, so the
// page loads nothing. Good news is green, failures red, observations and "not run" neutral; nothing is
// wider than the page (long lines wrap, coverage chips wrap), so it reads at 1440 px and narrower.

export const HTML_STYLE = `
*{box-sizing:border-box}[hidden]{display:none!important}
body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;padding:0 2rem 4rem;color:#1d2330;max-width:1280px}
h1{font-size:1.3rem;margin:1.2rem 0 .3rem}h2{margin-top:2rem;border-bottom:1px solid #ccd;font-size:1.15rem}h3{font-size:1rem;margin:1.2rem 0 .4rem}
a{color:#1f5f9e}code{font-size:12px}
nav.top{position:sticky;top:0;background:#fff;border-bottom:1px solid #e3e5ea;padding:.4rem 0;z-index:2;font-size:13px}
nav.top a{margin-right:1rem}
table{border-collapse:collapse}td,th{padding:.2rem .7rem;text-align:left;border-bottom:1px solid #eee;vertical-align:top}
.passed{color:#16723a}.failed{color:#b3261e;font-weight:600}.skipped{color:#6b6f7a}.known{color:#8a5a00}.flaky{color:#8a5a00}.observed{color:#1f5f9e}
.verdict{font-size:1.1rem;margin:.4rem 0;padding:.5rem .8rem;border-radius:4px}
.verdict.warn{background:#fff4d6;border-left:4px solid #bf8700}
.verdict.bad{background:#fde8e6;border-left:4px solid #b3261e}.verdict.good{background:#e3f4e8;border-left:4px solid #16723a}
.badge{display:inline-block;min-width:4.5rem;font-size:.75rem;text-transform:uppercase}
.attention ol{margin:.3rem 0;padding-left:1.6rem}.attention li{margin:.15rem 0}
.tag{display:inline-block;font-size:.7rem;text-transform:uppercase;padding:0 .3rem;border-radius:3px;background:#b3261e;color:#fff;margin-right:.3rem}
.why{color:#4a4f5a}
details{margin:.15rem 0}summary{cursor:pointer}
details.op{margin:.3rem 0 .3rem .5rem}details.rest{margin-left:1rem}details.op>summary{font-weight:600}
li.r,section,h2{scroll-margin-top:2.6rem}
ul.cases{list-style:none;margin:.2rem 0 .4rem;padding-left:1rem}ul.cases>li{margin:.1rem 0}
.detail{margin:.3rem 0 .8rem 1.2rem;padding-left:.8rem;border-left:3px solid #e3e5ea}
pre{background:#f5f6f8;padding:.6rem;overflow-x:auto;white-space:pre-wrap;overflow-wrap:anywhere;font-size:12px;margin:.3rem 0}
pre.body{max-height:30rem;overflow:auto}
pre mark{background:#ffe08a;display:inline-block;min-width:100%}
.check{margin:.2rem 0}.muted{color:#6b6f7a}
.step.failing{border:1px solid #f3c4bf;background:#fffafa;padding:.4rem .6rem;border-radius:4px}
ol.steps{margin:.3rem 0;padding-left:1.6rem}
.repro{position:relative}.repro button{position:absolute;top:.3rem;right:.3rem;font-size:12px}
form.filters{display:flex;flex-wrap:wrap;gap:.8rem;align-items:center;margin:.8rem 0;padding:.5rem .8rem;background:#f5f6f8;border-radius:4px}
form.filters label{font-size:13px}
.not-run{color:#6b6f7a}
.coverage-matrix{width:100%;font-size:12px}.coverage-matrix td:first-child{width:28%}
.chip{display:inline-block;padding:0 .3rem;margin:.1rem .2rem .1rem 0;border-radius:3px;white-space:nowrap}
.cov-seen{background:#e3f4e8;color:#16723a}.cov-exercised{background:#fff4d6;color:#8a5a00}
.cov-unseen{background:#f0f1f4;color:#4a4f5a;border:1px dashed #b9bdc7}.cov-good{background:#eef7f1;color:#16723a;border:1px dashed #8cc7a1}
.unreachable{color:#8a5a00}
`;
