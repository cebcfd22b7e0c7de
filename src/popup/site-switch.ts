// "Annotate on example.com": the per-site switch. It changes the stored site rules; the page's
// content script sees the change and removes or restores its highlights without a reload.
import { switchSite } from '../core/site-rules.js';
import { el } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { readSettings, writeSettings } from '../shared/settings.js';

export class SiteSwitch {
  readonly element: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly label: HTMLElement;
  private url = '';
  private writing: Promise<void> = Promise.resolve();

  constructor() {
    this.input = el('input', { attrs: { type: 'checkbox', role: 'switch', id: 'site-switch' } });
    this.label = el('label', { attrs: { for: 'site-switch' } });
    this.element = el('div', { className: 'site-switch' }, this.input, this.label);
    this.element.hidden = true;
    this.input.addEventListener('change', () => void this.toggle());
  }

  show(url: string, host: string, enabled: boolean): void {
    this.url = url;
    this.label.textContent = t('popupAnnotateOn', [host]);
    this.input.checked = enabled;
    this.element.hidden = false;
  }

  hide(): void {
    this.element.hidden = true;
  }

  /** Quick toggles are written one after another, each from the rules the last one left. */
  private toggle(): Promise<void> {
    const enabled = this.input.checked;
    this.writing = this.writing.then(async () => {
      const settings = await readSettings();
      await writeSettings({ siteRules: switchSite(settings.siteRules, this.url, enabled) });
    });
    return this.writing;
  }
}
