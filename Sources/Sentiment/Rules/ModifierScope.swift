/// default mode: a modifier's reach ends at the nearest sentiment word before the word it would modify.
///
/// vaderSentiment 3.3.2 skips lexicon words when it looks up to three words back for boosters and
/// negators, so in "I don't like it 😢" ("... like it crying face") the "don't" that negates "like" also
/// flips "crying" into a positive word. In the default mode the look-back stops at the first lexicon word:
/// each negator or booster modifies the sentiment word it precedes, not the next one as well.
/// (The check itself is one line in ``SentenceScorer``; this type carries the rule's name and documentation.)
enum ModifierScope {}
