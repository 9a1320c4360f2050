// Pure edits of an account map: (map, intent) -> new map. A command returns the same map object
// when nothing changes and new objects only for the records it changes, so autosave and undo can
// tell what changed by identity. An intent that would break the map throws CommandError with a
// sentence the user can read.
//
// One file per concern; this index is the public face that the rest of the app imports.
export { CommandError, validateName } from './validation';
export { renameMap, addRecords } from './map';
export {
  addStakeholder,
  updateStakeholder,
  setStance,
  toggleRole,
  fillPlaceholder,
  markLeftCompany,
  clearLeftCompany,
} from './stakeholders';
export { addDepartment, updateDepartment, resizeDepartment } from './departments';
export { descendantsOf, departmentDepth } from './hierarchy';
export { absolutePosition, recordRect, mapBounds, prepareRects, departmentAt, growToFit, relativePosition, findFreeSpot, findClearSpot, siblingBoxes, overlaps, type Box } from './geometry';
export { makeRoom } from './room';
export { sameExceptPosition, moveItems, moveItemsTo, reparent } from './moving';
export { addLink, updateLink, reverseLink } from './links';
export { addTeamMember, updateTeamMember, removeTeamMember } from './team';
export { removeItems } from './removal';
export { copyItems, pasteItems, duplicateItems, type MapClipboard } from './clipboard';
