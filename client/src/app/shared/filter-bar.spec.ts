import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component, provideZonelessChangeDetection, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatButtonToggleGroupHarness } from '@angular/material/button-toggle/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { Channel, Mode } from '../core/api/api-types';
import { FilterBar } from './filter-bar';

@Component({
  imports: [FilterBar],
  template: `
    <im-filter-bar
      label="Test filters"
      [periods]="periods()"
      [period]="period()"
      [mode]="mode()"
      [channel]="channel()"
      (periodChange)="changes.push(['period', $event])"
      (modeChange)="changes.push(['mode', $event])"
      (channelChange)="changes.push(['channel', $event])"
    >
      <span filterBarStart class="start">first</span>
      <span class="end">last</span>
    </im-filter-bar>
  `,
})
class TestHost {
  readonly periods = signal(['2021-06', '2021-05']);
  readonly period = signal<string | undefined>('2021-06');
  readonly mode = signal<Mode>('mpm');
  readonly channel = signal<Channel>('offline');
  readonly changes: [string, string][] = [];
}

describe('FilterBar', () => {
  async function setUp() {
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection(), provideNoopAnimations()] });
    const fixture = TestBed.createComponent(TestHost);
    await fixture.whenStable();
    return { fixture, host: fixture.componentInstance, loader: TestbedHarnessEnvironment.loader(fixture) };
  }

  describe('showing the values', () => {
    it('names the form with its label and shows the period, mode and channel given', async () => {
      const { fixture, loader } = await setUp();
      const element = fixture.nativeElement as HTMLElement;
      expect(element.querySelector('form')?.getAttribute('aria-label')).toBe('Test filters');
      expect(await (await loader.getHarness(MatSelectHarness)).getValueText()).toBe('Jun 2021');
      const [mode, channel] = await loader.getAllHarnesses(MatButtonToggleGroupHarness);
      expect(await (await mode.getToggles({ checked: true }))[0].getText()).toContain('mpm');
      expect(await (await channel.getToggles({ checked: true }))[0].getText()).toBe('Offline');
    });

    it('follows the values when the page changes them', async () => {
      const { host, loader } = await setUp();
      host.channel.set('online');
      const [, channel] = await loader.getAllHarnesses(MatButtonToggleGroupHarness);
      expect(await (await channel.getToggles({ checked: true }))[0].getText()).toBe('Online');
    });

    it("puts the page's own fields before the period or after the channel", async () => {
      const { fixture } = await setUp();
      const form = (fixture.nativeElement as HTMLElement).querySelector('form')!;
      expect(form.firstElementChild?.className).toBe('start');
      expect(form.lastElementChild?.className).toBe('end');
    });
  });

  describe('reporting changes', () => {
    it('reports the period, mode and channel a user chooses', async () => {
      const { host, loader } = await setUp();
      const select = await loader.getHarness(MatSelectHarness);
      await select.open();
      await select.clickOptions({ text: 'May 2021' });
      const [mode, channel] = await loader.getAllHarnesses(MatButtonToggleGroupHarness);
      await (await mode.getToggles({ text: /cpm/ }))[0].check();
      await (await channel.getToggles({ text: 'Online' }))[0].check();
      expect(host.changes).toEqual([
        ['period', '2021-05'],
        ['mode', 'cpm'],
        ['channel', 'online'],
      ]);
    });
  });
});
