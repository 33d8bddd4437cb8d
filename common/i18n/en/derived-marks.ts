// Derived programs: sentences of a unit's draft that still name its superior's figures or bodies (common/derived-marks.ts).
export const derivedMarks = {
  panelTitle: 'To adapt to the unit ({count} sentences)',
  panelHelp:
    "These sentences were copied from the superior's program and still name its figures or bodies. They are highlighted in the editor; editing a sentence clears its mark.",
  allFixed: 'Every marked sentence has been edited.',
  goTo: 'Edit this sentence',
  fieldHint: "Still the superior's sentence: {reasons}",
  'reason.parent_figure': 'the superior\'s figure "{text}"',
  'reason.parent_body': 'names the superior\'s body "{text}"',
  'reason.parent_units': 'speaks of the units below "{text}"',
  'reason.not_carried': 'target {text} was not carried to the unit',
  'reason.value_not_found': "the unit's value of target {text} is not written ({value})",
  uncarriedTitle: 'Targets not carried to the unit ({count})',
  uncarriedHelp:
    "These total targets have no share allocated to the unit, so the unit's program lacks them. Once the superior allocates them, add the unit's target.",
  'uncarried.not_allocated': 'not allocated to the unit',
  allocatedSince: "allocated {value} since — add the unit's target",
  carry: 'Add the targets allocated since',
  carried: "{count} targets were added to the unit's program.",
  nothingToCarry: 'The superior has allocated no further target to the unit.',
  allocate: 'Allocate',
  askSuperior: 'Ask the superior to allocate',
  issueTitle: '{count} sentences not edited',
  issueHelp: "These sentences still name the superior's figures or bodies. Issue anyway?",
  issueAnyway: 'Issue anyway',
  fixFirst: 'Go back and edit',
  unresolvedField: 'The sentence still names the superior\'s figures or bodies: "{sentence}"',
};
