// What a handover brief or an insights panel needs to know about a map: who matters, what is at
// risk, where the white space is. Pure functions of the map (and of `now` where time matters), so
// the same answers reach the screen, the printed brief and the tests. Each risk rule is one small
// named function with a stable id, so a panel can key, filter or explain a rule by its id.
//
// One file per question; this index is the public face that the rest of the app imports.
export { byInfluenceThenName, isDecider, ownerOf, nameWithTitle, daysSince, departmentPath, listNames } from './helpers';
export {
  keyPeople,
  isCovered,
  summary,
  connectionsOf,
  type LeftCompanyEntry,
  type KeyPeople,
  type MapSummary,
  type Connections,
} from './people';
export {
  STALE_CONTACT_DAYS,
  deciderWithWeakRelationship,
  blockerWithHighInfluence,
  opponentWithoutOwner,
  keyPersonWithoutOwner,
  singleThreadedAccount,
  singleThreadedDepartment,
  engagedDepartmentWithoutRelationship,
  championLeftWithoutSuccessor,
  openDecisionSeat,
  staleContact,
  othersWithoutOwner,
  RISK_RULES,
  risks,
  type Severity,
  type Risk,
  type RiskRule,
} from './risks';
export { whiteSpace, type WhiteSpaceEntry, type CompetitorEntry, type WhiteSpace } from './white-space';
export { championPaths, type ChampionPath } from './champion-paths';
