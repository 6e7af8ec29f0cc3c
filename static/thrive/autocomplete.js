// Staff pickers: a select marked data-module="thrive-autocomplete" becomes GOV.UK's accessible typeahead
// (accessible-autocomplete, loaded before this module). Without JavaScript the select works as it is.
const enhance = window.accessibleAutocomplete && window.accessibleAutocomplete.enhanceSelectElement

if (enhance) {
  document.querySelectorAll('select[data-module="thrive-autocomplete"]').forEach((select) => {
    const blank = select.querySelector('option[value=""]')
    if (blank) blank.textContent = '' // the prompt is not a choice
    enhance({
      selectElement: select,
      defaultValue: '',
      showAllValues: true,
      dropdownArrow: () => '',
      tNoResults: () => 'No one matches'
    })
  })
}
