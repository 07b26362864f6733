// Drives headless Chromium through the web UI the way an analyst would: search "all-weather",
// open Zhao Lijian's page, check the chart is drawn, and take the README's screenshots.
//
//   node browser.mjs BASE_URL OUT_DIR [CHROMIUM]
//
// Exits 0 when every check holds; prints what failed and exits 1 otherwise.
// Run by crates/web/tests/browser.rs, which starts the server on a free port first.
import { chromium } from "playwright-core";

const [base, outDir, executablePath = "/usr/bin/chromium"] = process.argv.slice(2);
if (!base || !outDir) {
  console.error("usage: node browser.mjs BASE_URL OUT_DIR [CHROMIUM]");
  process.exit(2);
}

function check(ok, what) {
  if (!ok) throw new Error(`browser check failed: ${what}`);
  console.log(`ok: ${what}`);
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  // as root in a container there is no sandbox; the rest keeps Chromium off the network
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  // anything the page logs as an error (a CSP violation, a missing file) fails the test
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));

  await page.goto(`${base}/`);
  check((await page.title()).includes("onrecord"), "the search page loads");
  await page.fill("input[name=q]", "all-weather");
  await Promise.all([page.waitForURL(/q=all-weather/), page.click("form.search button[type=submit]")]);
  const marks = await page.locator("ol.results mark").allTextContents();
  check(marks.length > 0 && marks.every((m) => m.toLowerCase() === "all-weather"), `results highlight the words (${marks.length} marks)`);
  check((await page.locator("svg.chart rect.bar").count()) > 0, "the search page draws its monthly chart");
  const styled = await page.evaluate(() => getComputedStyle(document.querySelector("header")).borderBottomStyle);
  check(styled === "solid", "the style sheet applies");
  await page.screenshot({ path: `${outDir}/search.png`, fullPage: false });

  await Promise.all([page.waitForURL(/speaker\?name=/), page.locator("a.speaker", { hasText: "Zhao Lijian" }).first().click()]);
  check((await page.locator("h1").textContent()).trim() === "Zhao Lijian", "Zhao Lijian's page opens");
  const bars = page.locator("svg.chart rect.bar");
  check((await bars.count()) >= 2, `his chart has a bar per month he spoke (${await bars.count()})`);
  const box = await bars.first().boundingBox();
  check(box && box.width > 1 && box.height > 1, `the bars are drawn on screen (${box && box.width.toFixed(1)}×${box && box.height.toFixed(1)} px)`);
  const labels = await page.locator("svg.chart text").allTextContents();
  check(labels.includes("2020-05") && labels.includes("2020-06"), "the time axis is labelled with months");
  check((await page.locator("table.list").first().textContent()).includes("spokesperson"), "his role is listed");
  await page.screenshot({ path: `${outDir}/speaker.png`, fullPage: false });

  check(problems.length === 0, `no console errors, CSP violations or failed requests (${problems.join("; ")})`);
} catch (e) {
  console.error(String(e.message || e));
  failed = true;
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
