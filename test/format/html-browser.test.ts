// The HTML report as a person sees it: opened in headless Debian chromium (playwright-core), checked for
// what is shown, and for what is not fetched. Skips, saying why, where /usr/bin/chromium is absent.
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { runCli } from "../helpers/cli.js";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`html-browser.test.ts skipped: no ${CHROMIUM} (apt-get install -y chromium)`);

describe.skipIf(!hasChromium)("--format html in headless chromium", () => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    const run = await runCli(["check", "fixtures/workflow/qp-links.eml", "--offline", "--format", "html"]);
    expect(run.stderr).toBe("");
    const file = join(mkdtempSync(join(tmpdir(), "mp-html-")), "report.html");
    writeFileSync(file, run.stdout);
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    page = await browser.newPage();
    page.on("request", (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("shows the score gauge with the verdict", async () => {
    const gauge = page.locator(".gauge").first();
    await expect(gauge.isVisible()).resolves.toBe(true);
    const text = (await gauge.innerText()).replace(/\s+/g, " ");
    expect(text).toMatch(/^\d+\.\d FAIL$/);
    expect(await gauge.getAttribute("aria-label")).toMatch(/^Score \d+\.\d, Fail$/);
  });

  it("shows a finding's message, evidence and fix, grouped by category", async () => {
    const finding = page.locator("li.finding", { hasText: "numeric IP address 198.51.100.7" });
    await expect(finding.isVisible()).resolves.toBe(true);
    expect(await finding.locator("pre.evidence").innerText()).toBe("http://198.51.100.7/x");
    expect(await finding.locator("p.fix").innerText()).toMatch(/^Fix: /);
    expect(await page.locator("section.category h3").allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/^Content/)]));
  });

  it("previews the message in a sandboxed frame with the offending link outlined and disabled", async () => {
    const iframe = page.locator("iframe");
    expect(await iframe.getAttribute("sandbox")).toBe("");
    const frame = page.frameLocator("iframe");
    const flagged = frame.locator("a.mp-flag", { hasText: "split link" });
    await expect(flagged.isVisible()).resolves.toBe(true);
    expect(await flagged.getAttribute("href")).toBeNull();
    expect(await flagged.getAttribute("data-mp-href")).toBe("http://198.51.100.7/x");
    expect(await flagged.getAttribute("title")).toMatch(/numeric IP address 198\.51\.100\.7/);
    const outline = await flagged.evaluate((element) => getComputedStyle(element).outlineStyle);
    expect(outline).toBe("solid");
    expect(await frame.locator("body").innerText()).toMatch(/Café Mail: our autumn offers/);
  });

  it("made no request beyond the report file itself", () => {
    expect(requests.filter((url) => !url.startsWith("file:") && !url.startsWith("data:") && url !== "about:srcdoc")).toEqual([]);
  });
});
