# Writes the clm(1) man page from the built command's own help text, so the
# page can never disagree with `clm --help`.
#
#   cmake -DCLM=<clm executable> -DHELP2MAN=<help2man> -DOUTPUT=<dir>/clm.1
#         [-DGZIP=<gzip>] -P make-manpage.cmake
#
# help2man formats `clm --help`; every subcommand found under "Subcommands:"
# (recursively: `clm clv fit`) gets its own part of a COMMANDS section, made by
# help2man from `clm <sub> --help` and fed back through an include file. With
# GZIP it also writes OUTPUT.gz (gzip -9n: no name, no time stamp, as Debian
# wants). help2man takes the page date from SOURCE_DATE_EPOCH when it is set.
cmake_minimum_required(VERSION 3.20)

foreach(var CLM HELP2MAN OUTPUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "make-manpage.cmake: ${var} is not set")
  endif()
endforeach()

# help2man prints non-ASCII help text (the em dash of the title) only in a
# UTF-8 locale; C.UTF-8 exists on every Debian system.
set(ENV{LC_ALL} C.UTF-8)

# help2man sets example blocks as an indented paragraph (.IP), which man then
# fills into one run-on line; keep their lines as they are printed.
function(keep_example_lines var)
  string(REGEX REPLACE "\n\\.IP\n(([^.\n][^\n]*\n)+)" "\n.IP\n.nf\n\\1.fi\n" text "${${var}}")
  set(${var} "${text}" PARENT_SCOPE)
endfunction()

function(run_help out_var)
  execute_process(COMMAND ${CLM} ${ARGN} --help
    OUTPUT_VARIABLE text ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "'clm ${ARGN} --help' failed (${rc}): ${err}")
  endif()
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

# Appends to `paths` each subcommand path (";"-free: words joined by spaces)
# below the command `prefix` (a list of words), depth first in help order.
function(collect_subcommands prefix)
  run_help(text ${prefix})
  string(REPLACE "\n" ";" lines "${text}")
  set(in_list OFF)
  set(found)
  foreach(line IN LISTS lines)
    if(line MATCHES "^Subcommands:")
      set(in_list ON)
    elseif(in_list AND line MATCHES "^  ([a-z][a-z0-9_-]*)( |$)")
      list(APPEND found ${CMAKE_MATCH_1})
    elseif(in_list AND NOT line MATCHES "^ ")
      set(in_list OFF)
    endif()
  endforeach()
  foreach(sub IN LISTS found)
    set(words ${prefix} ${sub})
    list(JOIN words " " path)
    set_property(GLOBAL APPEND PROPERTY clm_subcommand_paths "${path}")
    collect_subcommands("${words}")
  endforeach()
endfunction()

collect_subcommands("")
get_property(paths GLOBAL PROPERTY clm_subcommand_paths)

execute_process(COMMAND ${CLM} --version OUTPUT_VARIABLE version_line
  OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT version_line MATCHES "^clm ([^ ]+)$")
  message(FATAL_ERROR "'clm --version' printed '${version_line}'")
endif()
set(version ${CMAKE_MATCH_1})

# One subsection per subcommand: help2man's page for `clm <path> --help`
# minus its title and NAME, with its section headings turned into bold
# paragraph headings (a man page has only two heading levels).
set(commands "")
foreach(path IN LISTS paths)
  execute_process(
    COMMAND ${HELP2MAN} --no-info --no-discard-stderr --locale=C.UTF-8
            "--help-option=${path} --help" "--version-string=${version}" ${CLM}
    OUTPUT_VARIABLE page ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "help2man failed for 'clm ${path}' (${rc}): ${err}")
  endif()
  string(FIND "${page}" "\n.SH DESCRIPTION\n" start)
  if(start EQUAL -1)
    message(FATAL_ERROR "help2man page of 'clm ${path}' has no DESCRIPTION")
  endif()
  math(EXPR start "${start} + 17")
  string(SUBSTRING "${page}" ${start} -1 body)
  string(REGEX REPLACE "\n\\.S[HS] \"?([^\n\"]*)\"?\n" "\n.PP\n.B \"\\1\"\n" body "\n${body}")
  string(REGEX REPLACE "\n\\.B \"OPTIONS\"" "\n.B \"Options:\"" body "${body}")
  string(REGEX REPLACE "\n\\.B \"EXAMPLES\"" "\n.B \"Examples:\"" body "${body}")
  keep_example_lines(body)
  string(APPEND commands ".SS \"clm ${path}\"${body}")
endforeach()

get_filename_component(out_dir ${OUTPUT} DIRECTORY)
set(include_file ${OUTPUT}.h2m)
file(WRITE ${include_file} "[COMMANDS]
Each subcommand prints its own help with \\fBclm\\fR \\fISUBCOMMAND\\fR \\fB\\-\\-help\\fR.
${commands}
[EXIT STATUS]
.TP
.B 0
success
.TP
.B 1
a goal check failed
.TP
.B 2
usage error: an unknown option or section, a bad value, zone or grouping attribute, an empty window
.TP
.B 65
bad input data; the message names file:line, the column, the reason and the value
.TP
.B 66
an input file cannot be opened or read
.TP
.B 70
internal error (a bug in clm)
.TP
.B 74
an error while writing the output (full disk, closed pipe)

[ENVIRONMENT]
.TP
.B NO_COLOR
when set, tables are never coloured (they are coloured only when standard output is a terminal)
")

execute_process(
  COMMAND ${HELP2MAN} --no-info --no-discard-stderr --locale=C.UTF-8
          "--name=customer-lifecycle metrics: CAC, CLV, churn, retention, cohorts, surveys"
          --section=1 "--include=${include_file}" "--output=${OUTPUT}.tmp" ${CLM}
  ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "help2man failed (${rc}): ${err}")
endif()
file(READ ${OUTPUT}.tmp page)
keep_example_lines(page)
# groff without preconv reads bytes, not UTF-8: name the dash portably.
string(REPLACE "—" "\\(em" page "${page}")
file(WRITE ${OUTPUT} "${page}")
file(REMOVE ${OUTPUT}.tmp)

if(GZIP)
  execute_process(COMMAND ${GZIP} -9nc ${OUTPUT} OUTPUT_FILE ${OUTPUT}.gz.tmp RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "gzip failed (${rc})")
  endif()
  file(RENAME ${OUTPUT}.gz.tmp ${OUTPUT}.gz)
endif()
