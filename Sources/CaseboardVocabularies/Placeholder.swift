enum VocabulariesPlaceholder {}
