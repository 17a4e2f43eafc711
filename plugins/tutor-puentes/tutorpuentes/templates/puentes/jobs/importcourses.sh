# Puentes: import the OLX course of each language into Studio.
# Set before this body: source_dir (folder inside the cms container), languages (space-separated).
# Each language comes from <source_dir>/puentes-course-<lang>.tar.gz (what `make courses` builds)
# or, failing that, from an unpacked <source_dir>/<lang>/course.xml (e.g. course_content/ mounted).
workdir="$(mktemp -d)"
trap 'rm -rf "$workdir"' EXIT
for lang in $languages; do
    archive="$source_dir/puentes-course-$lang.tar.gz"
    if [ -f "$archive" ]; then
        mkdir -p "$workdir/$lang"
        tar -xzf "$archive" -C "$workdir/$lang"
        course_xml="$(find "$workdir/$lang" -name course.xml | sort | head -n 1)"
    elif [ -f "$source_dir/$lang/course.xml" ]; then
        course_xml="$source_dir/$lang/course.xml"
    else
        course_xml=""
    fi
    if [ -z "$course_xml" ]; then
        echo "ERROR: no Puentes course for '$lang' in $source_dir: expected puentes-course-$lang.tar.gz or $lang/course.xml"
        exit 1
    fi
    course_root="$(dirname "$course_xml")"
    echo "INFO: importing the '$lang' Puentes course from $course_root"
    python ./manage.py cms import "$(dirname "$course_root")" "$(basename "$course_root")"
done
