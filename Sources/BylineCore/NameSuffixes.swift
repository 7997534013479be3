/// Generational suffixes written after a person's name ("Carl Holt Jr.", "Ana Ruiz III"), as
/// written (`Resources/name-suffixes.txt`): the one list the entity stage and the knowledge
/// base's name keys both read. A suffix is part of the name (a son is not his father), but it is
/// neither a given name nor a surname.
public enum NameSuffixes {
    /// Every suffix as written, with and without its full stop ("Jr.", "Jr", "III").
    public static let written = Set(DataFile(PackageResources.name_suffixes_txt).lines)
}
