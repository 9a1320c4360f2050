// Backing up and restoring through storage: what this browser holds goes into the archive, and
// after the data is gone the archive brings back the same maps, viewports and snapshots.
import { beforeEach, expect, it } from 'vitest';
import { buildBackupArchive, readBackupArchive } from '../../../src/io/backup-archive';
import { resetDatabaseForTests } from '../../../src/persistence/db';
import {
  createMap,
  deleteMap,
  listMaps,
  listSnapshots,
  loadBackupDates,
  loadEverything,
  loadMap,
  loadSnapshot,
  loadViewport,
  rememberBackup,
  saveViewport,
  seedSampleIfFirstRun,
  storeMapWithSnapshots,
  takeSnapshot,
} from '../../../src/persistence/repository';
import { NOW, smallMap } from '../fixtures/maps';
import { editStakeholder } from './fixtures';

beforeEach(resetDatabaseForTests);

it('a backup of everything stored brings back the same maps, viewports and snapshots after they were deleted', async () => {
  const first = smallMap();
  const second = { ...smallMap(), id: 'map_second', name: 'Second Account' };
  await createMap(first);
  await createMap(second);
  await saveViewport(first.id, { x: 10, y: 20, zoom: 1.5 });
  const snapshot = await takeSnapshot(first, 'At handover', '2026-10-01T08:00:00.000Z');
  const changed = editStakeholder(first, Object.keys(first.stakeholders)[0], { stance: 'blocker' });
  await createMap(changed);

  const { maps, unreadable } = await loadEverything();
  expect(unreadable).toEqual([]);
  const archive = buildBackupArchive(maps, new Date(NOW));
  for (const summary of await listMaps()) await deleteMap(summary.id);
  expect(await listMaps()).toEqual([]);

  const read = readBackupArchive(archive);
  if (!read.ok) throw new Error(read.message);
  for (const entry of read.maps) await storeMapWithSnapshots(entry);

  const restored = await loadMap(first.id);
  expect(restored.ok && restored.map).toEqual(changed);
  const other = await loadMap(second.id);
  expect(other.ok && other.map).toEqual(second);
  expect(await loadViewport(first.id)).toEqual({ x: 10, y: 20, zoom: 1.5 });
  expect(await listSnapshots(first.id)).toEqual([snapshot]);
  const frozen = await loadSnapshot(first.id, snapshot.id);
  expect(frozen.ok && frozen.map).toEqual(first);
});

it('restoring a map over a stored one replaces the map but keeps snapshots the backup does not hold', async () => {
  const map = smallMap();
  await createMap(map);
  const older = await takeSnapshot(map, 'Kept', '2026-09-01T08:00:00.000Z');
  const fromBackup = { ...map, name: 'Renamed in the backup' };
  await storeMapWithSnapshots({
    map: fromBackup,
    viewport: null,
    snapshots: [{ id: 'snap_backup', name: 'From the backup', takenAt: '2026-10-01T08:00:00.000Z', map: fromBackup }],
  });
  const stored = await loadMap(map.id);
  expect(stored.ok && stored.map.name).toBe('Renamed in the backup');
  expect((await listSnapshots(map.id)).map((s) => s.name)).toEqual(['From the backup', older.name]);
});

it('remembers when the last backup was made, and when Powermap was first used', async () => {
  expect(await loadBackupDates()).toEqual({ lastBackupAt: null, firstUseAt: null });
  await seedSampleIfFirstRun('2026-11-01T08:00:00.000Z');
  await rememberBackup('2026-12-01T09:30:00.000Z');
  expect(await loadBackupDates()).toEqual({ lastBackupAt: '2026-12-01T09:30:00.000Z', firstUseAt: '2026-11-01T08:00:00.000Z' });
});
