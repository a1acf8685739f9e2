# The result format of shared/spec/exam-format.md section 3, field by
# field. Prints true when every check holds, else the names of the checks
# that failed.
def prob: type == "number" and . >= 0 and . <= 1;
def patterns: ["radiculopathy", "multiradiculopathy", "polyneuropathy",
  "mononeuropathy", "cauda_equina", "myelopathy", "normal", "other",
  "plexopathy", "two_lesions"];
def flagnames: ["stocking_glove", "cauda_equina_red_flag",
  "upper_motor_neuron", "bilateral", "inconsistent_findings", "low_confidence",
  "two_processes"];
def checks: [
  ["id present", has("id")],
  ["pattern is a contract pattern", (.pattern as $p | patterns | index($p) != null)],
  ["flags are contract flags", (.flags | type == "array" and
      all(.[]; . as $f | flagnames | index($f) != null))],
  ["ranking non-empty", (.ranking | type == "array" and length > 0)],
  ["each hypothesis has label, kind, probability, interval",
    (.ranking | all(.[]; has("label") and has("kind") and (.probability | prob)
      and (.interval | length == 2) and (.interval[0] <= .interval[1])
      and (.interval[0] | prob) and (.interval[1] | prob)))],
  ["labels follow the contract",
    (.ranking | all(.[];
      if .kind == "root" then (.side == "left" or .side == "right"
          or .side == "bilateral")
        and (.roots | length >= 1 and length <= 3)
        and .label == ((.roots | join("+")) + " " + .side)
      elif .kind == "nerve" then .label == .nerve + " " + .side
      elif .kind == "two_lesions" then .pattern == "two_lesions"
        and (.parts | length == 2)
        and .label == (.parts[0].label + " + " + .parts[1].label)
      elif .kind == "plexus" then (.side == "left" or .side == "right")
        and .pattern == "plexopathy" and .label == .plexus + " " + .side
      else .kind == "pattern" and .label == .pattern end))],
  ["probabilities sum to 1", ((([.ranking[].probability] | add)
      + (.other_probability // 0)) | . > 0.995 and . < 1.005)],
  ["ranking sorted", (.ranking | [.[].probability] | . == (sort | reverse))],
  ["evidence entries", (.evidence | all(.[]; has("finding") and has("supports")
      and (.log_lr | type == "number" and . >= 0)))],
  ["warnings is a list of text", (.warnings | type == "array" and all(.[]; type == "string"))]
];
checks | map(select(.[1] | not) | .[0]) | if length == 0 then true else . end
